package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestFinisherTest {

    private final RecordingPower power = new RecordingPower();
    private final TestFinisher finisher = new TestFinisher(power);

    @Test
    void passFailAndResetValues() {
        finisher.store(0, 4, 0x5555);
        finisher.store(0, 4, 0x0042_3333);
        finisher.store(0, 4, 0x3333);
        finisher.store(0, 4, 0x7777);
        assertEquals(List.of("off 0", "off 66", "off 1", "reboot"), power.requests());
    }

    @Test
    void otherValuesAreIgnored() {
        finisher.store(0, 4, 0x1234);
        finisher.store(8, 4, 0x5555);
        assertEquals(List.of(), power.requests());
    }
}
