package org.chariot.emulator.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chariot.emulator.devices.ExampleDevice;
import org.chariot.emulator.devices.ManualClock;
import org.chariot.emulator.devices.Plic;
import org.chariot.emulator.devices.RecordingPower;
import org.chariot.emulator.devices.TestFinisher;
import org.junit.jupiter.api.Test;

/**
 * The bus checks an access's size against what the device supports, once for every device: a size the device does
 * not answer is an access fault that never reaches the device, whatever the device would have made of it.
 */
class BusTest {

    private static final long RAM = 0x8000_0000L, PLIC = 0x0c00_0000L, FINISHER = 0x10_0000L, EXAMPLE = 0x1000_2000L;

    private final RecordingPower power = new RecordingPower();
    private final Bus bus = new Bus(RAM, new Ram(4096));

    BusTest() {
        bus.attach("plic", PLIC, 0x60_0000, new Plic((bit, pending) -> { }));
        bus.attach("test finisher", FINISHER, 0x1000, new TestFinisher(power));
        bus.attach("example device", EXAMPLE, 0x1000, new ExampleDevice(new ManualClock(), high -> { }, 1));
    }

    @Test
    void ramAnswersEverySize() throws AccessFault {
        for (int size : new int[] {1, 2, 4, 8}) {
            bus.store(RAM + 8, size, -1);
            assertEquals(size == 8 ? -1L : (1L << (8 * size)) - 1, bus.load(RAM + 8, size));
        }
    }

    @Test
    void aSizeTheDeviceDoesNotSupportIsAnAccessFaultThatNeverReachesIt() throws AccessFault {
        bus.store(PLIC + 4, 4, 5);
        assertEquals(5, bus.load(PLIC + 4, 4), "a source's priority, a 32-bit register");
        AccessFault narrow = assertThrows(AccessFault.class, () -> bus.load(PLIC + 4, 1));
        assertTrue(narrow.getMessage().contains("the plic does not answer 1-byte accesses"), narrow.getMessage());
        assertThrows(AccessFault.class, () -> bus.store(PLIC + 4, 2, 1));
        assertEquals(5, bus.load(PLIC + 4, 4), "the refused store did not reach the PLIC");

        assertThrows(AccessFault.class, () -> bus.store(FINISHER, 2, 0x5555));
        assertEquals(List.of(), power.requests(), "the refused store did not reach the finisher");
        bus.store(FINISHER, 4, 0x5555);
        assertEquals(List.of("off 0"), power.requests());

        assertThrows(AccessFault.class, () -> bus.load(EXAMPLE, 8));
        assertEquals(0x43484152L, bus.load(EXAMPLE, 4));
    }
}
