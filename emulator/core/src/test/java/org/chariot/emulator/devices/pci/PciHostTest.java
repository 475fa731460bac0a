package org.chariot.emulator.devices.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInput;
import java.io.DataOutput;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.bus.Ram;
import org.junit.jupiter.api.Test;

class PciHostTest {

    /** A function that remembers what reached its BARs and lets the test drive its INTx. */
    static final class Probe extends PciFunction {
        final List<String> accesses = new ArrayList<>();

        Probe(List<Bar> bars, List<Capability> capabilities) {
            super(new Identity(0x1234, 0xbeef, 0x12_34_56, 7, 0x4321, 0xfeed), bars, capabilities, true);
        }

        @Override
        protected void saveFunctionState(DataOutput out) {
            // The probe keeps no state of the machine's.
        }

        @Override
        protected void restoreFunctionState(DataInput in) {
            // The probe keeps no state of the machine's.
        }

        @Override
        protected long barLoad(int bar, long offset, int size) {
            accesses.add("load bar " + bar + " +" + offset + " size " + size);
            return 0x5a;
        }

        @Override
        protected void barStore(int bar, long offset, int size, long value) {
            accesses.add("store bar " + bar + " +" + offset + " size " + size + " value " + value);
        }

        void interrupt(boolean requested) {
            setInterrupt(requested);
        }
    }

    private final PciTestBus bus = new PciTestBus();

    private static Probe probe(Bar... bars) {
        return new Probe(List.of(bars), List.of());
    }

    @Test
    void theHostBridgeIsDeviceZeroAndNothingElseAnswersUntilPlugged() throws AccessFault {
        assertEquals(PciHost.CHARIOT_VENDOR, bus.config(0, PciFunction.VENDOR_ID, 2));
        assertEquals(0x0600, bus.config(0, PciFunction.CLASS + 1, 2), "class: bridge, host");
        assertEquals(0xffff_ffffL, bus.config(1, PciFunction.VENDOR_ID, 4), "an empty slot reads all ones");
        int slot = bus.plug(probe());
        assertEquals(1, slot, "the first free slot after the bridge");
        assertEquals(0xbeef_1234L, bus.config(slot, PciFunction.VENDOR_ID, 4));
        assertEquals(0x1234_5607L, bus.config(slot, PciFunction.REVISION, 4), "class code over revision");
        assertEquals(0xfeed_4321L, bus.config(slot, PciFunction.SUBSYSTEM_VENDOR_ID, 4));
        assertEquals(0xffff, bus.host().load(1L << 20 | PciTestBus.ecam(slot, 0), 2), "bus 1 has nobody");
        assertEquals(0xffff, bus.host().load(PciTestBus.ecam(slot, 0) | 1 << 12, 2), "nor has function 1");
        assertEquals(1, bus.config(slot, PciFunction.INTERRUPT_PIN, 1), "INTA");
    }

    @Test
    void identityIsReadOnlyAndOnlyCommandBitsThatExistTakeAWrite() throws AccessFault {
        int slot = bus.plug(probe());
        bus.setConfig(slot, PciFunction.VENDOR_ID, 4, 0);
        assertEquals(0xbeef_1234L, bus.config(slot, PciFunction.VENDOR_ID, 4));
        bus.setConfig(slot, PciFunction.COMMAND, 2, 0xffff);
        assertEquals(0x0547, bus.config(slot, PciFunction.COMMAND, 2));
        bus.setConfig(slot, PciFunction.INTERRUPT_LINE, 1, 42);
        assertEquals(42, bus.config(slot, PciFunction.INTERRUPT_LINE, 1), "the interrupt line is the OS's scratch");
    }

    @Test
    void barsTellTheirSizeAndKindAsLinuxSizesThem() throws AccessFault {
        int slot = bus.plug(probe(new Bar(0, Bar.Kind.MEMORY_32, 0x1000), new Bar(2, Bar.Kind.MEMORY_64, 0x4_0000),
                new Bar(5, Bar.Kind.IO, 0x100)));
        assertEquals(0x1000, bus.sizeOf(slot, 0));
        assertEquals(0x4_0000, bus.sizeOf(slot, 2));
        assertEquals(0x100, bus.sizeOf(slot, 5));
        assertEquals(0x4, bus.config(slot, PciFunction.BAR0 + 8, 4) & 0xf, "64-bit memory");
        assertEquals(0x1, bus.config(slot, PciFunction.BAR0 + 20, 4) & 0x3, "I/O space");
        assertEquals(0, bus.config(slot, PciFunction.BAR0 + 4, 4), "an unused BAR is hard-wired to 0");
        bus.setConfig(slot, PciFunction.BAR0 + 4, 4, 0xffff_ffffL);
        assertEquals(0, bus.config(slot, PciFunction.BAR0 + 4, 4));
    }

    @Test
    void aBarDecodesWhereItWasPlacedOnlyWhileMemorySpaceIsEnabled() throws AccessFault {
        Probe probe = probe(new Bar(0, Bar.Kind.MEMORY_32, 0x1000), new Bar(2, Bar.Kind.MEMORY_64, 0x4000));
        int slot = bus.plug(probe);
        long registers = bus.assign(slot, 0);
        long buffer = bus.assign(slot, 2);
        assertEquals(0xffff_ffffL, bus.load(registers + 8, 4), "before memory space is enabled: a master abort");
        bus.store(registers + 8, 4, 1);
        assertTrue(probe.accesses.isEmpty());
        bus.enable(slot, PciFunction.MEMORY_SPACE);
        assertEquals(0x5a, bus.load(registers + 8, 4));
        bus.store(buffer + 0x3ff8, 8, 99);
        assertEquals(List.of("load bar 0 +8 size 4", "store bar 2 +16376 size 8 value 99"), probe.accesses);
        assertEquals(0xff, bus.load(buffer + 0x4000, 1), "past the BAR: nobody answers");
    }

    @Test
    void ioBarsAnswerThroughTheIoWindow() throws AccessFault {
        Probe probe = probe(new Bar(1, Bar.Kind.IO, 0x20));
        int slot = bus.plug(probe);
        bus.setConfig(slot, PciFunction.BAR0 + 4, 4, 0x1040);
        bus.enable(slot, PciFunction.IO_SPACE);
        assertEquals(0x5a, bus.host().ioWindow().load(0x1044, 1));
        assertEquals(0xffff_ffffL, bus.load(PciTestBus.MEMORY_WINDOW + 0x1044, 4), "not in memory space");
        assertEquals(List.of("load bar 1 +4 size 1"), probe.accesses);
    }

    @Test
    void intxIsSwizzledBySlotSharedAndMaskedByInterruptDisable() throws AccessFault {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Probe probe = probe();
            bus.plug(probe);
            probes.add(probe);
        }
        Probe slot1 = probes.get(0), slot2 = probes.get(1), slot5 = probes.get(4);
        slot2.interrupt(true);
        assertTrue(bus.line(2).high(), "slot 2's INTA is line 2");
        assertFalse(bus.line(1).high());
        slot1.interrupt(true);
        slot5.interrupt(true);
        assertTrue(bus.line(1).high(), "slots 1 and 5 share line 1");
        slot1.interrupt(false);
        assertTrue(bus.line(1).high(), "slot 5 still holds the shared line");
        slot5.interrupt(false);
        assertFalse(bus.line(1).high());

        assertEquals(PciFunction.STATUS_INTERRUPT, bus.config(2, PciFunction.STATUS, 2) & PciFunction.STATUS_INTERRUPT);
        bus.enable(2, PciFunction.INTX_DISABLE);
        assertFalse(bus.line(2).high(), "interrupt disable masks the line");
        assertEquals(PciFunction.STATUS_INTERRUPT, bus.config(2, PciFunction.STATUS, 2) & PciFunction.STATUS_INTERRUPT,
                "the status still shows the request");
        bus.setConfig(2, PciFunction.COMMAND, 2, 0);
        assertTrue(bus.line(2).high());
    }

    @Test
    void capabilitiesFormAListFromTheCapabilityPointer() throws AccessFault {
        int slot = bus.plug(new Probe(List.of(), List.of(new PciFunction.Capability(0x09, new byte[] {1, 2, 3}),
                new PciFunction.Capability(0x05, new byte[] {4}))));
        assertEquals(PciFunction.STATUS_CAPABILITIES, bus.config(slot, PciFunction.STATUS, 2)
                & PciFunction.STATUS_CAPABILITIES);
        int first = bus.capability(slot, 0x09);
        int second = bus.capability(slot, 0x05);
        assertEquals(0x40, first);
        assertEquals(0x48, second, "the next capability starts 4-byte aligned");
        assertEquals(0x0201, bus.config(slot, first + 2, 2), "the body follows id and next");
        assertEquals(0x03, bus.config(slot, first + 4, 1));
        assertEquals(0, bus.config(slot, second + 1, 1), "the list ends");
    }

    @Test
    void aFunctionThatCannotBeBuiltSaysWhy() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> new Bar(0, Bar.Kind.MEMORY_32, 0x1800));
        assertTrue(size.getMessage().contains("power of two"), size.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Bar(5, Bar.Kind.MEMORY_64, 0x1000));
        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class,
                () -> probe(new Bar(0, Bar.Kind.MEMORY_64, 0x1000), new Bar(1, Bar.Kind.MEMORY_32, 0x1000)));
        assertTrue(overlap.getMessage().contains("BAR register 1"), overlap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Probe(List.of(),
                List.of(new PciFunction.Capability(0x09, new byte[200]))));
    }

    @Test
    void configurationSpaceTakesOnlyAlignedAccessesOfUpToFourBytes() throws AccessFault {
        Bus machine = new Bus(0x8000_0000L, new Ram(4096));
        machine.attach("pci", 0x3000_0000L, PciHost.ECAM_SIZE, bus.host());
        assertThrows(AccessFault.class, () -> machine.load(0x3000_0001L, 2));
        assertThrows(AccessFault.class, () -> machine.load(0x3000_0000L, 8));
        assertEquals(0xffffL, machine.load(0x3000_0000L + PciTestBus.ecam(31, 0), 2), "no function in slot 31");
    }
}
