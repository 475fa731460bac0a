package org.chariot.emulator.devices;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.chariot.emulator.snapshot.Snapshottable;
import org.chariot.emulator.fdt.DeviceTreeContext;

/**
 * An ns16550a UART with byte-wide registers (reg-shift 0), as QEMU's virt has at 0x1000_0000.
 * Transmission is instantaneous, so the transmitter is always empty after a write; the interrupt
 * line follows IER against "received data available" and "transmitter holding register empty".
 */
public final class Uart16550 implements PlatformDevice, Snapshottable {

    static final int RBR_THR_DLL = 0, IER_DLM = 1, IIR_FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7;
    static final int IER_RX = 0x01, IER_THRE = 0x02;
    static final int IIR_NONE = 0x01, IIR_THRE = 0x02, IIR_RX = 0x04, IIR_FIFO = 0xc0;
    static final int LSR_DATA_READY = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40;
    static final int LCR_DLAB = 0x80, MCR_LOOP = 0x10;
    private static final int MSR_IDLE = 0xb0; // DCD, DSR, CTS: a modem that is always ready
    private static final long SIZE = 0x100;
    private static final int CLOCK_HZ = 3_686_400;

    private final HostConsole console;
    private final IrqLine irq;
    private final int irqSource;
    private int ier, lcr, mcr, scr, fcr, divisor;
    private boolean thrEmptyInterrupt;
    private int loopbackByte = -1;

    public Uart16550(HostConsole console, IrqLine irq, int irqSource) {
        this.console = console;
        this.irq = irq;
        this.irqSource = irqSource;
        console.onInput(this::inputArrived);
    }

    @Override
    public long size() {
        return SIZE;
    }

    @Override
    public synchronized long load(long offset, int size) {
        int value = switch ((int) offset) {
            case RBR_THR_DLL -> dlab() ? divisor & 0xff : receive();
            case IER_DLM -> dlab() ? divisor >>> 8 & 0xff : ier;
            case IIR_FCR -> identifyInterrupt();
            case LCR -> lcr;
            case MCR -> mcr;
            case LSR -> LSR_THRE | LSR_TEMT | (dataReady() ? LSR_DATA_READY : 0);
            case MSR -> loopback() ? loopbackModemStatus() : MSR_IDLE;
            case SCR -> scr;
            default -> 0;
        };
        updateIrq();
        return value;
    }

    @Override
    public synchronized void store(long offset, int size, long value) {
        int b = (int) value & 0xff;
        switch ((int) offset) {
            case RBR_THR_DLL -> {
                if (dlab()) {
                    divisor = divisor & 0xff00 | b;
                } else {
                    transmit(b);
                }
            }
            case IER_DLM -> {
                if (dlab()) {
                    divisor = divisor & 0xff | b << 8;
                } else {
                    setInterruptEnable(b & 0x0f);
                }
            }
            // Only the FIFO-enable bit matters: "clear receive FIFO" leaves host input queued in the
            // console, as a QEMU chardev holds input back until the guest can take it.
            case IIR_FCR -> fcr = b & 0x01;
            case LCR -> lcr = b;
            case MCR -> mcr = b & 0x1f;
            case SCR -> scr = b;
            default -> { }
        }
        updateIrq();
    }

    private void setInterruptEnable(int value) {
        // Enabling the THRE interrupt while the transmitter is empty raises it at once (the 8250
        // driver checks this at startup).
        if ((value & IER_THRE) != 0 && (ier & IER_THRE) == 0) {
            thrEmptyInterrupt = true;
        }
        ier = value;
    }

    private void transmit(int b) {
        if (loopback()) {
            loopbackByte = b;
        } else {
            console.write(b);
        }
        thrEmptyInterrupt = true;
    }

    private int receive() {
        if (loopbackByte >= 0) {
            int b = loopbackByte;
            loopbackByte = -1;
            return b;
        }
        int b = console.poll();
        return b < 0 ? 0 : b;
    }

    private boolean dataReady() {
        return loopback() ? loopbackByte >= 0 : console.hasInput();
    }

    /** In loopback the modem outputs come back as inputs: DTR→DSR, RTS→CTS, OUT1→RI, OUT2→DCD. */
    private int loopbackModemStatus() {
        return (mcr & 0x01) << 5 | (mcr & 0x02) << 3 | (mcr & 0x0c) << 4;
    }

    private int identifyInterrupt() {
        int fifo = fcr != 0 ? IIR_FIFO : 0;
        if ((ier & IER_RX) != 0 && dataReady()) {
            return fifo | IIR_RX;
        }
        if ((ier & IER_THRE) != 0 && thrEmptyInterrupt) {
            thrEmptyInterrupt = false; // reading IIR acknowledges the THRE interrupt
            return fifo | IIR_THRE;
        }
        return fifo | IIR_NONE;
    }

    /** Host input still queued is not the guest's state: it stays with the host. */
    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        for (int register : new int[] {ier, lcr, mcr, scr, fcr, divisor, loopbackByte}) {
            out.writeInt(register);
        }
        out.writeBoolean(thrEmptyInterrupt);
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        ier = in.readInt();
        lcr = in.readInt();
        mcr = in.readInt();
        scr = in.readInt();
        fcr = in.readInt();
        divisor = in.readInt();
        loopbackByte = in.readInt();
        thrEmptyInterrupt = in.readBoolean();
        updateIrq();
    }

    private synchronized void inputArrived() {
        updateIrq();
    }

    private void updateIrq() {
        boolean rx = (ier & IER_RX) != 0 && dataReady();
        boolean tx = (ier & IER_THRE) != 0 && thrEmptyInterrupt;
        irq.set(rx || tx);
    }

    private boolean dlab() {
        return (lcr & LCR_DLAB) != 0;
    }

    private boolean loopback() {
        return (mcr & MCR_LOOP) != 0;
    }

    @Override
    public void describe(DeviceTreeContext tree, long base) {
        tree.wireInterrupt(tree.addDevice("serial", base, SIZE), irqSource)
                .cells("clock-frequency", CLOCK_HZ)
                .strings("compatible", "ns16550a");
    }
}
