package org.chariot.emulator.devices.pci;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.DmaMaster;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * A PCI function with a type-0 configuration header, as its driver sees it: identity, command and
 * status, BARs that Linux sizes and places, a capability list, and an INTx pin. Subclasses are
 * the devices; they see this class through {@link #setInterrupt} and {@link #busMasterEnabled}.
 *
 * <p>The command register decides what the function does on the bus: its BARs decode only while
 * memory (or I/O) space is enabled, it may touch guest memory (DMA) only while it is a bus
 * master, and INTx reaches the interrupt controller only while not disabled. State is guarded by
 * the function's monitor, which subclasses share for their registers.
 */
public abstract class PciFunction implements DmaMaster, Snapshottable {

    static final int VENDOR_ID = 0x00, DEVICE_ID = 0x02, COMMAND = 0x04, STATUS = 0x06, REVISION = 0x08;
    static final int CLASS = 0x09, CACHE_LINE_SIZE = 0x0c, LATENCY_TIMER = 0x0d, HEADER_TYPE = 0x0e, BAR0 = 0x10;
    static final int SUBSYSTEM_VENDOR_ID = 0x2c, SUBSYSTEM_ID = 0x2e, CAPABILITIES_POINTER = 0x34;
    static final int INTERRUPT_LINE = 0x3c, INTERRUPT_PIN = 0x3d;
    static final int IO_SPACE = 0x1, MEMORY_SPACE = 0x2, BUS_MASTER = 0x4, INTX_DISABLE = 0x400;
    static final int STATUS_INTERRUPT = 0x08, STATUS_CAPABILITIES = 0x10;
    static final int FIRST_CAPABILITY = 0x40;
    private static final int WRITABLE_COMMAND_BITS = IO_SPACE | MEMORY_SPACE | BUS_MASTER | 0x40 | 0x100 | INTX_DISABLE;

    /**
     * Who the function is: vendor and device, 24-bit class code (base class, subclass,
     * programming interface), revision, and subsystem vendor and id.
     */
    public record Identity(int vendor, int device, int classCode, int revision, int subsystemVendor, int subsystem) {
    }

    /** An entry of the capability list: its id and the bytes after the id and next-pointer bytes. */
    public record Capability(int id, byte[] body) {

        public Capability {
            body = body.clone();
        }
    }

    private final ConfigSpace config = new ConfigSpace();
    private final Bar[] bars; // an array: decoding walks it on every access through a window
    private IrqLine intx = IrqLine.UNCONNECTED;
    private boolean interruptRequested;

    /**
     * @param usesInterrupt whether the function has an INTx pin (INTA)
     * @throws IllegalArgumentException if BARs overlap or the capabilities do not fit
     */
    protected PciFunction(Identity identity, List<Bar> bars, List<Capability> capabilities, boolean usesInterrupt) {
        this.bars = bars.toArray(Bar[]::new);
        config.define(VENDOR_ID, 2, identity.vendor(), 0);
        config.define(DEVICE_ID, 2, identity.device(), 0);
        config.define(COMMAND, 2, 0, WRITABLE_COMMAND_BITS);
        config.define(REVISION, 1, identity.revision(), 0);
        config.define(CLASS, 3, identity.classCode(), 0);
        config.define(CACHE_LINE_SIZE, 1, 0, 0xff);
        config.define(LATENCY_TIMER, 1, 0, 0xff);
        config.define(SUBSYSTEM_VENDOR_ID, 2, identity.subsystemVendor(), 0);
        config.define(SUBSYSTEM_ID, 2, identity.subsystem(), 0);
        config.define(INTERRUPT_LINE, 1, 0, 0xff);
        config.define(INTERRUPT_PIN, 1, usesInterrupt ? 1 : 0, 0);
        defineBars();
        defineCapabilities(capabilities);
    }

    private void defineBars() {
        boolean[] taken = new boolean[6];
        for (Bar bar : bars) {
            for (int register = bar.index(); register < bar.index() + bar.registers(); register++) {
                if (taken[register]) {
                    throw new IllegalArgumentException("BAR register " + register + " is claimed twice");
                }
                taken[register] = true;
            }
            int offset = BAR0 + 4 * bar.index();
            config.define(offset, 4, bar.kind().flags(), ~(bar.size() - 1) & ~bar.kind().flagMask() & 0xffff_ffffL);
            if (bar.kind() == Bar.Kind.MEMORY_64) {
                config.define(offset + 4, 4, 0, 0xffff_ffffL);
            }
        }
    }

    private void defineCapabilities(List<Capability> capabilities) {
        int at = FIRST_CAPABILITY;
        int previousNext = CAPABILITIES_POINTER;
        for (Capability capability : capabilities) {
            int length = 2 + capability.body().length;
            if (at + length > ConfigSpace.SIZE) {
                throw new IllegalArgumentException("the capabilities do not fit in the 256 bytes of configuration space");
            }
            config.define(previousNext, 1, at, 0);
            config.define(at, 1, capability.id(), 0);
            config.define(at + 1, 1, 0, 0);
            for (int i = 0; i < capability.body().length; i++) {
                config.define(at + 2 + i, 1, capability.body()[i], 0);
            }
            previousNext = at + 1;
            at = (at + length + 3) & ~3;
        }
        config.setBits(STATUS, STATUS_CAPABILITIES, !capabilities.isEmpty());
    }

    /** Reads configuration space; {@code offset} is inside the 4 KiB of an ECAM function. */
    final synchronized long configRead(int offset, int size) {
        return offset + size <= ConfigSpace.SIZE ? config.read(offset, size) : 0;
    }

    final synchronized void configWrite(int offset, int size, long value) {
        if (offset + size <= ConfigSpace.SIZE) {
            config.write(offset, size, value);
            if (offset < COMMAND + 2 && offset + size > COMMAND) {
                driveInterruptLine();
            }
        }
    }

    /** Connects INTx to the interrupt controller (the host bridge does, when the function is plugged in). */
    final synchronized void connect(IrqLine line) {
        intx = line;
        driveInterruptLine();
    }

    /** The BAR of this function that decodes {@code [address, address + size)} in the given space, or null. */
    final synchronized Bar decoding(boolean io, long address, int size) {
        int enable = io ? IO_SPACE : MEMORY_SPACE;
        if ((command() & enable) == 0) {
            return null;
        }
        for (Bar bar : bars) {
            if ((bar.kind() == Bar.Kind.IO) == io) {
                long offset = address - base(bar);
                if (offset >= 0 && offset + size <= bar.size()) {
                    return bar;
                }
            }
        }
        return null;
    }

    @Override
    public String name() {
        return getClass().getSimpleName();
    }

    /**
     * Whether one of the function's memory BARs decodes {@code physicalAddress}: the host's memory
     * window maps CPU physical addresses onto the same bus addresses.
     */
    @Override
    public boolean decodes(long physicalAddress) {
        return decoding(false, physicalAddress, 1) != null;
    }

    /** Where software placed a BAR, in its space's bus addresses. */
    final synchronized long base(Bar bar) {
        int offset = BAR0 + 4 * bar.index();
        long low = config.read(offset, 4) & ~bar.kind().flagMask();
        return bar.kind() == Bar.Kind.MEMORY_64 ? config.read(offset + 4, 4) << 32 | low : low;
    }

    /** The configuration space (where software placed the BARs, the command) and the INTx request, then the function's own state. */
    @Override
    public final synchronized void saveState(DataOutput out) throws IOException {
        config.save(out);
        out.writeBoolean(interruptRequested);
        saveFunctionState(out);
    }

    @Override
    public final synchronized void restoreState(DataInput in) throws IOException {
        config.restore(in);
        interruptRequested = in.readBoolean();
        restoreFunctionState(in);
        driveInterruptLine();
    }

    /** Saves the registers and buffers behind the function's BARs. */
    protected abstract void saveFunctionState(DataOutput out) throws IOException;

    /** Reads back exactly what {@link #saveFunctionState} wrote. */
    protected abstract void restoreFunctionState(DataInput in) throws IOException;

    /** Reads {@code size} bytes at {@code offset} from the start of BAR {@code bar}, wherever the guest placed it. */
    protected abstract long barLoad(int bar, long offset, int size) throws AccessFault;

    /** Writes {@code size} bytes of {@code value} at {@code offset} inside BAR {@code bar}. */
    protected abstract void barStore(int bar, long offset, int size, long value) throws AccessFault;

    /** Raises (or lowers) the function's INTx request; it reaches the controller unless disabled. */
    protected final synchronized void setInterrupt(boolean requested) {
        interruptRequested = requested;
        driveInterruptLine();
    }

    /** Whether software made the function a bus master, which it must be to read or write guest memory. */
    protected final synchronized boolean busMasterEnabled() {
        return (command() & BUS_MASTER) != 0;
    }

    private int command() {
        return (int) config.read(COMMAND, 2);
    }

    private void driveInterruptLine() {
        config.setBits(STATUS, STATUS_INTERRUPT, interruptRequested);
        intx.set(interruptRequested && (command() & INTX_DISABLE) == 0);
    }
}
