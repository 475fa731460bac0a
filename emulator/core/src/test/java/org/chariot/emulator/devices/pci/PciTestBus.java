package org.chariot.emulator.devices.pci;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.RecordingLine;

/**
 * Plays Linux's PCI core against a {@link PciHost}: configuration accesses through ECAM, BARs sized
 * and placed one after another from the start of the memory window, accesses through the windows.
 */
public final class PciTestBus {

    public static final long MEMORY_WINDOW = 0x4000_0000L, IO_WINDOW_CPU = 0x300_0000L;
    public static final int FIRST_IRQ = 32;
    public static final int MEMORY_SPACE = PciFunction.MEMORY_SPACE, BUS_MASTER = PciFunction.BUS_MASTER;
    private final List<RecordingLine> lines = new ArrayList<>();
    private final PciHost host;
    private long nextFree = MEMORY_WINDOW;

    public PciTestBus() {
        for (int i = 0; i < PciHost.INTX_LINES; i++) {
            lines.add(new RecordingLine());
        }
        host = new PciHost(new PciHost.Window(IO_WINDOW_CPU, 0, 0x1_0000),
                new PciHost.Window(MEMORY_WINDOW, MEMORY_WINDOW, 0x4000_0000L), List.copyOf(lines), FIRST_IRQ);
    }

    public PciHost host() {
        return host;
    }

    public int plug(PciFunction function) {
        return host.plug(function);
    }

    /** The shared INTx wire {@code n} (PLIC source {@link #FIRST_IRQ} + n). */
    public RecordingLine line(int n) {
        return lines.get(n);
    }

    /** The shared wire that INTA of {@code slot} drives. */
    public RecordingLine intx(int slot) {
        return lines.get(PciHost.intxLine(slot, 1));
    }

    public long config(int slot, int offset, int size) throws AccessFault {
        return host.load(ecam(slot, offset), size);
    }

    public void setConfig(int slot, int offset, int size, long value) throws AccessFault {
        host.store(ecam(slot, offset), size, value);
    }

    static long ecam(int slot, int offset) {
        return (long) slot << 15 | offset;
    }

    /** The size a BAR asks for, found as Linux finds it: all ones written, the mask read back. */
    public long sizeOf(int slot, int bar) throws AccessFault {
        int register = PciFunction.BAR0 + 4 * bar;
        long original = config(slot, register, 4);
        setConfig(slot, register, 4, 0xffff_ffffL);
        long mask = config(slot, register, 4);
        setConfig(slot, register, 4, original);
        long flags = (mask & 1) != 0 ? 0x3 : 0xf;
        long upper = 0xffff_ffffL;
        if ((mask & 0x7) == 0x4) { // 64-bit: the next register holds the upper half
            setConfig(slot, register + 4, 4, 0xffff_ffffL);
            upper = config(slot, register + 4, 4);
            setConfig(slot, register + 4, 4, 0);
        }
        return -(upper << 32 | mask & ~flags);
    }

    /** Places a memory BAR at the next free, naturally aligned address of the window; returns its address. */
    public long assign(int slot, int bar) throws AccessFault {
        long size = sizeOf(slot, bar);
        long address = (nextFree + size - 1) & -size;
        nextFree = address + size;
        setConfig(slot, PciFunction.BAR0 + 4 * bar, 4, address & 0xffff_ffffL);
        if ((config(slot, PciFunction.BAR0 + 4 * bar, 4) & 0x7) == 0x4) {
            setConfig(slot, PciFunction.BAR0 + 4 * bar + 4, 4, address >>> 32);
        }
        return address;
    }

    /** Sets command bits (memory space, bus master, ...) as pci_enable_device and pci_set_master do. */
    public void enable(int slot, int commandBits) throws AccessFault {
        setConfig(slot, PciFunction.COMMAND, 2, config(slot, PciFunction.COMMAND, 2) | commandBits);
    }

    /** Clears command bits, as pci_clear_master does for bus mastering. */
    public void disable(int slot, int commandBits) throws AccessFault {
        setConfig(slot, PciFunction.COMMAND, 2, config(slot, PciFunction.COMMAND, 2) & ~commandBits);
    }

    /** Configuration offset of the first capability with this id, or 0. */
    public int capability(int slot, int id) throws AccessFault {
        return capabilities(slot, id).isEmpty() ? 0 : capabilities(slot, id).getFirst();
    }

    /** Configuration offsets of every capability with this id, in list order. */
    public List<Integer> capabilities(int slot, int id) throws AccessFault {
        List<Integer> found = new ArrayList<>();
        for (int at = (int) config(slot, PciFunction.CAPABILITIES_POINTER, 1); at != 0;
                at = (int) config(slot, at + 1, 1)) {
            if (config(slot, at, 1) == id) {
                found.add(at);
            }
        }
        return found;
    }

    public long load(long address, int size) throws AccessFault {
        return host.memoryWindow().load(address - MEMORY_WINDOW, size);
    }

    public void store(long address, int size, long value) throws AccessFault {
        host.memoryWindow().store(address - MEMORY_WINDOW, size, value);
    }
}
