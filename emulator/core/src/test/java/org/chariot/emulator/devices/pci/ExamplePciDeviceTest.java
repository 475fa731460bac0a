package org.chariot.emulator.devices.pci;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.zip.CRC32;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.devices.GuestMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExamplePciDeviceTest {

    private static final long RAM = 0x8000_0000L, DATA = RAM + 0x1000, BACK = RAM + 0x4000;
    private final GuestMemory memory = new GuestMemory(RAM, new Ram(1 << 16));
    private final PciTestBus bus = new PciTestBus();
    private int slot;
    private long registers, buffer;

    @BeforeEach
    void probeAsTheDriverDoes() throws AccessFault {
        slot = bus.plug(new ExamplePciDevice(memory));
        registers = bus.assign(slot, ExamplePciDevice.REGISTERS_BAR);
        buffer = bus.assign(slot, ExamplePciDevice.BUFFER_BAR);
        bus.enable(slot, PciFunction.MEMORY_SPACE);
        write(ExamplePciDevice.INTERRUPT_ENABLE, ExamplePciDevice.DONE | ExamplePciDevice.ERROR);
    }

    private long read(int register) throws AccessFault {
        return bus.load(registers + register, 4);
    }

    private void write(int register, long value) throws AccessFault {
        bus.store(registers + register, 4, value);
    }

    private void transfer(int command, long address, int offset, int length) throws AccessFault {
        write(ExamplePciDevice.DMA_ADDRESS_LOW, address & 0xffff_ffffL);
        write(ExamplePciDevice.DMA_ADDRESS_HIGH, address >>> 32);
        write(ExamplePciDevice.OFFSET, offset);
        write(ExamplePciDevice.LENGTH, length);
        write(ExamplePciDevice.COMMAND, command);
    }

    private boolean interrupt() {
        return bus.intx(slot).high();
    }

    @Test
    void identifiesItselfThroughConfigurationSpaceAndBarZero() throws AccessFault {
        assertEquals(0xc4a1_1234L, bus.config(slot, PciFunction.VENDOR_ID, 4));
        assertEquals(0x1000, bus.sizeOf(slot, ExamplePciDevice.REGISTERS_BAR));
        assertEquals(0x1000, bus.sizeOf(slot, ExamplePciDevice.BUFFER_BAR));
        assertEquals(0x43504349L, read(ExamplePciDevice.ID));
        assertThrows(AccessFault.class, () -> bus.load(registers + ExamplePciDevice.ID, 2));
    }

    @Test
    void aRoundTripMovesTheBytesInAndOutAndTheDeviceKnowsTheirChecksum() throws AccessFault {
        bus.enable(slot, PciFunction.BUS_MASTER);
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 13);
        }
        memory.write(DATA, data, 0, data.length);
        transfer(ExamplePciDevice.TO_DEVICE, DATA, 100, data.length);
        assertEquals(ExamplePciDevice.DONE, read(ExamplePciDevice.STATUS));
        assertTrue(interrupt());
        CRC32 crc = new CRC32();
        crc.update(data);
        assertEquals(crc.getValue(), read(ExamplePciDevice.CHECKSUM));
        assertEquals(data[0] & 0xff, bus.load(buffer + 100, 1), "the buffer in BAR 2 holds the bytes");
        assertEquals((data[8] & 0xffL) | (data[9] & 0xffL) << 8, bus.load(buffer + 108, 2));
        write(ExamplePciDevice.STATUS, ExamplePciDevice.DONE);
        assertFalse(interrupt(), "clearing DONE lowers the interrupt");

        transfer(ExamplePciDevice.FROM_DEVICE, BACK, 100, data.length);
        byte[] back = new byte[data.length];
        memory.read(BACK, back, 0, back.length);
        assertArrayEquals(data, back);
        assertEquals(2, read(ExamplePciDevice.TRANSFERS));
    }

    @Test
    void withoutBusMasteringATransferFailsAndMovesNothing() throws AccessFault {
        memory.store(DATA, 8, -1L);
        transfer(ExamplePciDevice.TO_DEVICE, DATA, 0, 8);
        assertEquals(ExamplePciDevice.ERROR, read(ExamplePciDevice.STATUS));
        assertTrue(interrupt());
        assertEquals(0, bus.load(buffer, 8), "nothing reached the buffer");
        assertEquals(0, read(ExamplePciDevice.TRANSFERS));
    }

    @Test
    void transfersOutsideTheBufferOrGuestRamAreRefused() throws AccessFault {
        bus.enable(slot, PciFunction.BUS_MASTER);
        transfer(ExamplePciDevice.TO_DEVICE, DATA, 4000, 100);
        assertEquals(ExamplePciDevice.ERROR, read(ExamplePciDevice.STATUS), "past the end of the buffer");
        write(ExamplePciDevice.STATUS, ExamplePciDevice.ERROR);
        transfer(ExamplePciDevice.FROM_DEVICE, 0x1000_0000L, 0, 16);
        assertEquals(ExamplePciDevice.ERROR, read(ExamplePciDevice.STATUS), "not guest RAM: a bus error");
        write(ExamplePciDevice.STATUS, ExamplePciDevice.ERROR);
        transfer(3, DATA, 0, 16);
        assertEquals(ExamplePciDevice.ERROR, read(ExamplePciDevice.STATUS), "no such command");
        write(ExamplePciDevice.STATUS, ExamplePciDevice.ERROR);
        transfer(ExamplePciDevice.TO_DEVICE, DATA, 0, 0);
        assertEquals(ExamplePciDevice.ERROR, read(ExamplePciDevice.STATUS), "nothing to move");
    }

    @Test
    void theInterruptFollowsOnlyTheEnabledStatusBits() throws AccessFault {
        write(ExamplePciDevice.INTERRUPT_ENABLE, ExamplePciDevice.DONE);
        transfer(ExamplePciDevice.TO_DEVICE, DATA, 0, 4);
        assertEquals(ExamplePciDevice.ERROR, read(ExamplePciDevice.STATUS));
        assertFalse(interrupt(), "ERROR is not enabled");
        write(ExamplePciDevice.INTERRUPT_ENABLE, ExamplePciDevice.ERROR);
        assertTrue(interrupt());
    }
}
