package org.chariot.emulator.devices.spi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.bus.Device;
import org.chariot.emulator.devices.IrqLine;
import org.chariot.emulator.devices.PlatformDevice;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;
import org.chariot.emulator.snapshot.SnapshotParts;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * SiFive's SPI controller ({@code sifive,spi0}, Linux's spi-sifive) with four chip-select lines
 * and the chips behind them. A frame written to TXDATA is exchanged with the selected chip at once,
 * so the transmit FIFO is always empty; the received byte goes to an 8-entry receive FIFO unless
 * the format says transmit-only. The watermark interrupts are pending as the FIFO levels say, and
 * the line is high while an enabled one is pending.
 *
 * <p>Chip select follows CSMODE: AUTO selects the chip for each frame, HOLD keeps it selected from
 * the first frame until the mode changes, OFF never selects it.
 */
public final class SifiveSpi implements PlatformDevice, Snapshottable {

    static final int SCKDIV = 0x00, SCKMODE = 0x04, CSID = 0x10, CSDEF = 0x14, CSMODE = 0x18;
    static final int DELAY0 = 0x28, DELAY1 = 0x2c, FMT = 0x40, TXDATA = 0x48, RXDATA = 0x4c;
    static final int TXMARK = 0x50, RXMARK = 0x54, FCTRL = 0x60, FFMT = 0x64, IE = 0x70, IP = 0x74;
    static final int CSMODE_AUTO = 0, CSMODE_HOLD = 2, CSMODE_OFF = 3;
    static final int FMT_DIRECTION_TRANSMIT = 0x8;
    static final long RXDATA_EMPTY = 0x8000_0000L;
    static final int IP_TRANSMIT_WATERMARK = 1, IP_RECEIVE_WATERMARK = 2;
    static final int CHIP_SELECTS = 4, FIFO_DEPTH = 8;
    private static final long SIZE = 0x1000;
    private static final int CHIP_SELECT_MASK = (1 << CHIP_SELECTS) - 1;

    private final IrqLine irq;
    private final int irqSource;
    private final int inputClockHz;
    private final SpiTarget[] targets = new SpiTarget[CHIP_SELECTS];

    // State: the registers, the receive FIFO, and the chip currently selected.
    private int sckdiv = 3, sckmode, csid, csdef = CHIP_SELECT_MASK, csmode = CSMODE_AUTO;
    private int delay0 = 0x0001_0001, delay1 = 0x1, fmt = 0x0008_0000;
    private int txmark, rxmark, fctrl = 1, ffmt = 0x0003_0007, ie;
    private final int[] receiveFifo = new int[FIFO_DEPTH];
    private int receiveHead, receiveCount;
    private SpiTarget selected;

    /** @param inputClockHz the controller's input clock, from which the driver derives its divider */
    public SifiveSpi(IrqLine irq, int irqSource, int inputClockHz) {
        this.irq = irq;
        this.irqSource = irqSource;
        this.inputClockHz = inputClockHz;
    }

    /** Its registers and receive FIFO are saved here, then each chip's state; every chip must be able to save it. */
    @Override
    public synchronized boolean canSnapshot() {
        return SnapshotParts.canSnapshot(targets);
    }

    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int register : new int[] {sckdiv, sckmode, csid, csdef, csmode, delay0, delay1, fmt, txmark, rxmark,
            fctrl, ffmt, ie}) {
            out.writeInt(register);
        }
        for (int entry : receiveFifo) {
            out.writeInt(entry);
        }
        out.writeInt(receiveHead);
        out.writeInt(receiveCount);
        out.writeInt(selected == null ? -1 : selected.chipSelect());
        SnapshotParts.save(targets, out);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        sckdiv = in.readInt();
        sckmode = in.readInt();
        csid = in.readInt();
        csdef = in.readInt();
        csmode = in.readInt();
        delay0 = in.readInt();
        delay1 = in.readInt();
        fmt = in.readInt();
        txmark = in.readInt();
        rxmark = in.readInt();
        fctrl = in.readInt();
        ffmt = in.readInt();
        ie = in.readInt();
        for (int i = 0; i < receiveFifo.length; i++) {
            receiveFifo[i] = in.readInt();
        }
        receiveHead = in.readInt();
        receiveCount = in.readInt();
        int line = in.readInt();
        selected = line < 0 ? null : targets[line];
        SnapshotParts.restore(targets, in);
        updateLine();
    }

    /** Wires a chip to its chip-select line, which must be free. */
    public synchronized void connect(SpiTarget target) {
        int line = target.chipSelect();
        if (line < 0 || line >= CHIP_SELECTS || targets[line] != null) {
            throw new IllegalArgumentException("SPI chip select " + line + " is "
                    + (line < 0 || line >= CHIP_SELECTS ? "not one of 0.." + (CHIP_SELECTS - 1) : "taken"));
        }
        targets[line] = target;
    }

    /** True if a chip is wired to chip-select {@code line}. */
    public synchronized boolean answers(int line) {
        return targets[line] != null;
    }

    /** 32-bit registers: spi-sifive reads and writes them with ioread32 and iowrite32. */
    @Override
    public int supportedSizes() {
        return Device.sizes(4);
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        long value = switch ((int) offset) {
            case SCKDIV -> sckdiv;
            case SCKMODE -> sckmode;
            case CSID -> csid;
            case CSDEF -> csdef;
            case CSMODE -> csmode;
            case DELAY0 -> delay0;
            case DELAY1 -> delay1;
            case FMT -> fmt;
            case TXDATA -> 0; // never full
            case RXDATA -> popReceived();
            case TXMARK -> txmark;
            case RXMARK -> rxmark;
            case FCTRL -> fctrl;
            case FFMT -> ffmt;
            case IE -> ie;
            case IP -> pending();
            default -> 0;
        };
        updateLine();
        return value & 0xffff_ffffL;
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int word = (int) value;
        switch ((int) offset) {
            case SCKDIV -> sckdiv = word & 0xfff;
            case SCKMODE -> sckmode = word & 3;
            case CSID -> {
                endHold();
                csid = word;
            }
            case CSDEF -> csdef = word & CHIP_SELECT_MASK;
            case CSMODE -> {
                csmode = word & 3;
                if (csmode != CSMODE_HOLD) {
                    endHold();
                }
            }
            case DELAY0 -> delay0 = word;
            case DELAY1 -> delay1 = word;
            case FMT -> fmt = word & 0x000f_000f;
            case TXDATA -> transmit(word & 0xff);
            case TXMARK -> txmark = word & 7;
            case RXMARK -> rxmark = word & 7;
            case FCTRL -> fctrl = word & 1;
            case FFMT -> ffmt = word;
            case IE -> ie = word & 3;
            default -> { }
        }
        updateLine();
    }

    private void transmit(int out) {
        SpiTarget target = csmode == CSMODE_OFF || csid < 0 || csid >= CHIP_SELECTS ? null : targets[csid];
        int in = 0xff;
        if (target != null) {
            if (selected != target) {
                endHold();
                target.select();
                selected = target;
            }
            in = target.exchange(out) & 0xff;
            if (csmode == CSMODE_AUTO) {
                endHold();
            }
        }
        if ((fmt & FMT_DIRECTION_TRANSMIT) == 0 && receiveCount < FIFO_DEPTH) {
            receiveFifo[(receiveHead + receiveCount) % FIFO_DEPTH] = in;
            receiveCount++;
        }
    }

    private void endHold() {
        if (selected != null) {
            selected.deselect();
            selected = null;
        }
    }

    private long popReceived() {
        if (receiveCount == 0) {
            return RXDATA_EMPTY;
        }
        int value = receiveFifo[receiveHead];
        receiveHead = (receiveHead + 1) % FIFO_DEPTH;
        receiveCount--;
        return value;
    }

    /** Transmit watermark: fewer frames queued than TXMARK (none ever are); receive: more than RXMARK. */
    private int pending() {
        return (txmark > 0 ? IP_TRANSMIT_WATERMARK : 0) | (receiveCount > rxmark ? IP_RECEIVE_WATERMARK : 0);
    }

    private void updateLine() {
        irq.set((pending() & ie) != 0);
    }

    @Override
    public synchronized void describe(DeviceTreeContext tree, long base) {
        Node node = tree.wireInterrupt(tree.addDevice("spi", base, SIZE), irqSource)
                .strings("compatible", "sifive,spi0")
                .cells("clocks", tree.fixedClock(inputClockHz))
                .cells("#address-cells", 1).cells("#size-cells", 0);
        for (SpiTarget target : targets) {
            if (target != null) {
                target.describe(tree, node);
            }
        }
    }
}
