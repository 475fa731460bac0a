package org.chariot.emulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestFinisherTest {

    private final List<String> requests = new ArrayList<>();
    private final TestFinisher finisher = new TestFinisher(new PowerControl() {
        @Override
        public void powerOff(int code) {
            requests.add("off " + code);
        }

        @Override
        public void reboot() {
            requests.add("reboot");
        }
    });

    @Test
    void passFailAndResetValues() {
        finisher.store(0, 4, 0x5555);
        finisher.store(0, 4, 0x0042_3333);
        finisher.store(0, 4, 0x3333);
        finisher.store(0, 4, 0x7777);
        assertEquals(List.of("off 0", "off 66", "off 1", "reboot"), requests);
    }

    @Test
    void otherValuesAreIgnored() {
        finisher.store(0, 4, 0x1234);
        finisher.store(8, 4, 0x5555);
        assertEquals(List.of(), requests);
    }
}
