package org.chariot.emulator.devices.pci;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.devices.WiredOr;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;
import org.chariot.emulator.snapshot.SnapshotParts;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * A PCIe host bridge as QEMU virt's generic one ({@code pci-host-ecam-generic}): configuration
 * space through ECAM (this device's range: 1 MiB a bus, 4 KiB a function), and two windows that
 * carry CPU accesses onto the PCI bus, memory (bus address = CPU address) and I/O ports (from
 * port 0). Linux enumerates the root bus, sizes and assigns every BAR itself, and finds each
 * function's interrupt through the {@code interrupt-map} this bridge writes into the device tree.
 *
 * <p>The root bus has 32 slots of one function each; slot 0 is the bridge itself. An access that
 * no function decodes ends as a PCI master abort: reads return all ones, writes are dropped.
 * INTx is swizzled as on QEMU's virt: pin p of slot s drives the shared line (s + p - 1) mod 4,
 * PLIC source {@code firstIrq} + that.
 */
public final class PciHost implements PlatformDevice, Snapshottable {

    /** A window of CPU physical addresses that maps onto PCI bus addresses from {@code busBase}. */
    public record Window(long cpuBase, long busBase, long size) {
    }

    public static final int SLOTS = 32;
    static final int INTX_LINES = 4;
    static final int BUSES = 256;
    static final long ECAM_SIZE = (long) BUSES << 20;
    /**
     * The vendor id of the project's own functions (this bridge, the example device). Nobody
     * assigned it to the project: like QEMU's own emulated devices (edu, bochs-display), it borrows 0x1234.
     */
    public static final int CHARIOT_VENDOR = 0x1234;
    static final int HOST_BRIDGE_DEVICE = 0xc4a0, HOST_BRIDGE_CLASS = 0x06_00_00;
    private static final int SPACE_IO = 0x0100_0000, SPACE_MEMORY = 0x0200_0000;

    private final PciFunction[] slots = new PciFunction[SLOTS];
    private final Window io;
    private final Window memory;
    private final WiredOr[] intx = new WiredOr[INTX_LINES];
    private final int firstIrq;
    private final Device ioWindow = new WindowDevice(true);
    private final Device memoryWindow = new WindowDevice(false);

    /** @param intxLines the four shared INTx wires, PLIC sources {@code firstIrq} .. {@code firstIrq + 3} */
    public PciHost(Window io, Window memory, List<IrqLine> intxLines, int firstIrq) {
        if (intxLines.size() != INTX_LINES) {
            throw new IllegalArgumentException("a PCI host has " + INTX_LINES + " INTx lines, not " + intxLines.size());
        }
        this.io = io;
        this.memory = memory;
        this.firstIrq = firstIrq;
        for (int line = 0; line < INTX_LINES; line++) {
            intx[line] = new WiredOr(intxLines.get(line));
        }
        slots[0] = new HostBridgeFunction();
    }

    /** Puts a function into the next free slot of the root bus, while the machine is assembled; returns the slot. */
    public int plug(PciFunction function) {
        for (int slot = 1; slot < SLOTS; slot++) {
            if (slots[slot] == null) {
                slots[slot] = function;
                function.connect(intx[intxLine(slot, 1)].input());
                return slot;
            }
        }
        throw new IllegalStateException("all " + (SLOTS - 1) + " slots of the PCI root bus are taken");
    }

    /** The shared line that pin {@code pin} (1 = INTA .. 4 = INTD) of slot {@code slot} drives. */
    static int intxLine(int slot, int pin) {
        return (slot + pin - 1) % INTX_LINES;
    }

    /** Every function on the bus, in slot order; each must be able to save its state. */
    @Override
    public synchronized boolean canSnapshot() {
        return SnapshotParts.canSnapshot(slots);
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        SnapshotParts.save(slots, out);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        SnapshotParts.restore(slots, in);
    }

    /** The device the I/O window's CPU range is attached to. */
    public Device ioWindow() {
        return ioWindow;
    }

    /** The device the memory window's CPU range is attached to. */
    public Device memoryWindow() {
        return memoryWindow;
    }

    /** ECAM takes 1, 2 and 4-byte configuration accesses (Linux's pci_generic_config_read/write). */
    @Override
    public int supportedSizes() {
        return Device.sizes(1, 2, 4);
    }

    @Override
    public long size() {
        return ECAM_SIZE;
    }

    @Override
    public long load(long offset, int size) throws AccessFault {
        PciFunction function = configTarget(offset, size);
        return function == null ? allOnes(size) : function.configRead(register(offset), size);
    }

    @Override
    public void store(long offset, int size, long value) throws AccessFault {
        PciFunction function = configTarget(offset, size);
        if (function != null) {
            function.configWrite(register(offset), size, value);
        }
    }

    /** The function an ECAM offset addresses, or null when there is none (bus, slot or function number). */
    private PciFunction configTarget(long offset, int size) throws AccessFault {
        if ((offset & (size - 1)) != 0) {
            throw new AccessFault(offset, "PCI configuration space takes aligned accesses");
        }
        int bus = (int) (offset >>> 20);
        int slot = (int) (offset >>> 15) & (SLOTS - 1);
        int function = (int) (offset >>> 12) & 7;
        return bus == 0 && function == 0 ? slots[slot] : null;
    }

    private static int register(long offset) {
        return (int) (offset & 0xfff);
    }

    private static long allOnes(int size) {
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }

    /** Carries accesses in one of the windows to the BAR that decodes them. */
    private final class WindowDevice implements Device {

        private final boolean io;

        WindowDevice(boolean io) {
            this.io = io;
        }

        private Window window() {
            return io ? PciHost.this.io : memory;
        }

        @Override
        public long load(long offset, int size) throws AccessFault {
            long address = window().busBase() + offset;
            for (PciFunction function : slots) {
                Bar bar = function == null ? null : function.decoding(io, address, size);
                if (bar != null) {
                    return function.barLoad(bar.index(), address - function.base(bar), size);
                }
            }
            return allOnes(size);
        }

        @Override
        public void store(long offset, int size, long value) throws AccessFault {
            long address = window().busBase() + offset;
            for (PciFunction function : slots) {
                Bar bar = function == null ? null : function.decoding(io, address, size);
                if (bar != null) {
                    function.barStore(bar.index(), address - function.base(bar), size, value);
                    return;
                }
            }
        }
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        Node node = tree.addDevice("pci", base, ECAM_SIZE)
                .strings("compatible", "pci-host-ecam-generic").strings("device_type", "pci")
                .cells("#address-cells", 3).cells("#size-cells", 2).cells("#interrupt-cells", 1)
                .cells("linux,pci-domain", 0).cells("bus-range", 0, BUSES - 1).flag("dma-coherent");
        node.cells("ranges", concat(range(SPACE_IO, io), range(SPACE_MEMORY, memory)));
        int plic = tree.phandle(DeviceTreeContext.PLIC);
        int[] map = new int[INTX_LINES * INTX_LINES * 6];
        int at = 0;
        for (int slot = 0; slot < INTX_LINES; slot++) {
            for (int pin = 1; pin <= INTX_LINES; pin++) {
                int[] entry = {slot << 11, 0, 0, pin, plic, firstIrq + intxLine(slot, pin)};
                System.arraycopy(entry, 0, map, at, entry.length);
                at += entry.length;
            }
        }
        node.cells("interrupt-map-mask", (INTX_LINES - 1) << 11, 0, 0, 7).cells("interrupt-map", map);
    }

    /** One {@code ranges} entry: PCI address (space, high, low), CPU address (high, low), size (high, low). */
    private static int[] range(int space, Window window) {
        return new int[] {space, (int) (window.busBase() >>> 32), (int) window.busBase(),
            (int) (window.cpuBase() >>> 32), (int) window.cpuBase(), (int) (window.size() >>> 32), (int) window.size()};
    }

    /** The bridge as it appears at 00:00.0: a host bridge with nothing to decode. */
    private static final class HostBridgeFunction extends PciFunction {

        HostBridgeFunction() {
            super(new Identity(CHARIOT_VENDOR, HOST_BRIDGE_DEVICE, HOST_BRIDGE_CLASS, 0, CHARIOT_VENDOR,
                    HOST_BRIDGE_DEVICE), List.of(), List.of(), false);
        }

        @Override
        protected void saveFunctionState(DataOutput out) {
            // Nothing behind the configuration space.
        }

        @Override
        protected void restoreFunctionState(DataInput in) {
            // Nothing behind the configuration space.
        }

        @Override
        protected long barLoad(int bar, long offset, int size) {
            throw new IllegalStateException("the host bridge has no BAR " + bar);
        }

        @Override
        protected void barStore(int bar, long offset, int size, long value) {
            throw new IllegalStateException("the host bridge has no BAR " + bar);
        }
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
