package org.chariot.emulator.devices;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.snapshot.Snapshottable;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;

/**
 * Platform-level interrupt controller (SiFive PLIC layout, as QEMU's virt) for one hart with two
 * contexts: 0 = M-mode (drives MEIP), 1 = S-mode (drives SEIP). Sources are level-triggered: a
 * source is pending while its line is high and it is not claimed; completing a claim whose line is
 * still high makes it pending again.
 */
public final class Plic implements PlatformDevice, Snapshottable {

    /** Highest source number; 0 means "no interrupt". QEMU's virt has the same count. */
    public static final int SOURCES = 96;
    static final long PRIORITY = 0x0, PENDING = 0x1000, ENABLE = 0x2000, ENABLE_STRIDE = 0x80;
    static final long CONTEXT = 0x20_0000, CONTEXT_STRIDE = 0x1000;
    private static final long SIZE = 0x60_0000;
    private static final int MAX_PRIORITY = 7;
    /** Every register is 32 bits wide. */
    private static final int WORD = Device.sizes(4);
    private static final int[] CONTEXT_INTERRUPT = {InterruptTarget.MEIP, InterruptTarget.SEIP};

    private final InterruptTarget hart;
    private final int[] priority = new int[SOURCES + 1];
    private final boolean[] level = new boolean[SOURCES + 1];
    private final boolean[] pending = new boolean[SOURCES + 1];
    private final boolean[] claimed = new boolean[SOURCES + 1];
    private final boolean[][] enabled = new boolean[CONTEXT_INTERRUPT.length][SOURCES + 1];
    private final int[] threshold = new int[CONTEXT_INTERRUPT.length];

    public Plic(InterruptTarget hart) {
        this.hart = hart;
    }

    /** The wire of one source, for the device that drives it. */
    public IrqLine line(int source) {
        if (source < 1 || source > SOURCES) {
            throw new IllegalArgumentException("PLIC source " + source + " outside 1.." + SOURCES);
        }
        return high -> setLevel(source, high);
    }

    synchronized void setLevel(int source, boolean high) {
        level[source] = high;
        pending[source] = high && !claimed[source];
        updateOutputs();
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public int supportedSizes() {
        return WORD;
    }

    @Override
    public synchronized long load(long offset, int size) {
        if (offset < PENDING) {
            int source = (int) (offset / 4);
            return source <= SOURCES ? priority[source] : 0;
        }
        if (offset < ENABLE) {
            return bitWord(pending, (int) ((offset - PENDING) / 4));
        }
        if (offset < CONTEXT) {
            int context = (int) ((offset - ENABLE) / ENABLE_STRIDE);
            return context < enabled.length ? bitWord(enabled[context], (int) ((offset - ENABLE) % ENABLE_STRIDE / 4)) : 0;
        }
        int context = (int) ((offset - CONTEXT) / CONTEXT_STRIDE);
        if (context >= threshold.length) {
            return 0;
        }
        return switch ((int) ((offset - CONTEXT) % CONTEXT_STRIDE)) {
            case 0 -> threshold[context];
            case 4 -> claim(context);
            default -> 0;
        };
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int word = (int) value;
        if (offset < PENDING) {
            int source = (int) (offset / 4);
            if (source >= 1 && source <= SOURCES) {
                priority[source] = clampPriority(value);
            }
        } else if (offset >= ENABLE && offset < CONTEXT) {
            int context = (int) ((offset - ENABLE) / ENABLE_STRIDE);
            if (context < enabled.length) {
                setBitWord(enabled[context], (int) ((offset - ENABLE) % ENABLE_STRIDE / 4), word);
            }
        } else if (offset >= CONTEXT) {
            int context = (int) ((offset - CONTEXT) / CONTEXT_STRIDE);
            int register = (int) ((offset - CONTEXT) % CONTEXT_STRIDE);
            if (context < threshold.length && register == 0) {
                threshold[context] = clampPriority(value);
            } else if (context < threshold.length && register == 4) {
                complete(word);
            }
        }
        updateOutputs();
    }

    private static int clampPriority(long value) {
        return (int) Math.min(value & 0xffff_ffffL, MAX_PRIORITY);
    }

    private int claim(int context) {
        int source = bestPending(context);
        if (source != 0) {
            pending[source] = false;
            claimed[source] = true;
            updateOutputs();
        }
        return source;
    }

    private void complete(int source) {
        if (source >= 1 && source <= SOURCES && claimed[source]) {
            claimed[source] = false;
            pending[source] = level[source];
        }
    }

    /** The enabled pending source above the threshold with the highest priority (lowest id on ties). */
    private int bestPending(int context) {
        int best = 0;
        for (int source = 1; source <= SOURCES; source++) {
            if (pending[source] && enabled[context][source] && priority[source] > threshold[context]
                    && (best == 0 || priority[source] > priority[best])) {
                best = source;
            }
        }
        return best;
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int source = 0; source <= SOURCES; source++) {
            out.writeInt(priority[source]);
            out.writeBoolean(level[source]);
            out.writeBoolean(pending[source]);
            out.writeBoolean(claimed[source]);
        }
        for (int context = 0; context < CONTEXT_INTERRUPT.length; context++) {
            out.writeInt(threshold[context]);
            for (boolean on : enabled[context]) {
                out.writeBoolean(on);
            }
        }
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        for (int source = 0; source <= SOURCES; source++) {
            priority[source] = in.readInt();
            level[source] = in.readBoolean();
            pending[source] = in.readBoolean();
            claimed[source] = in.readBoolean();
        }
        for (int context = 0; context < CONTEXT_INTERRUPT.length; context++) {
            threshold[context] = in.readInt();
            for (int source = 0; source <= SOURCES; source++) {
                enabled[context][source] = in.readBoolean();
            }
        }
        updateOutputs();
    }

    private void updateOutputs() {
        for (int context = 0; context < CONTEXT_INTERRUPT.length; context++) {
            hart.setPending(CONTEXT_INTERRUPT[context], bestPending(context) != 0);
        }
    }

    private static long bitWord(boolean[] bits, int word) {
        long result = 0;
        for (int bit = 0; bit < 32; bit++) {
            int index = word * 32 + bit;
            if (index < bits.length && bits[index]) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    private static void setBitWord(boolean[] bits, int word, int value) {
        for (int bit = 0; bit < 32; bit++) {
            int index = word * 32 + bit;
            if (index > 0 && index < bits.length) {
                bits[index] = (value >>> bit & 1) != 0;
            }
        }
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        int intc = tree.phandle(DeviceTreeContext.CPU_INTC);
        Node node = tree.addDevice("plic", base, SIZE);
        tree.label(node, DeviceTreeContext.PLIC);
        node.strings("compatible", "sifive,plic-1.0.0", "riscv,plic0")
                .cells("#address-cells", 0)
                .cells("#interrupt-cells", 1)
                .flag("interrupt-controller")
                .cells("interrupts-extended", intc, InterruptTarget.MEIP, intc, InterruptTarget.SEIP)
                .cells("riscv,ndev", SOURCES);
    }
}
