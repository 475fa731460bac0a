package org.chariot.emulator.devices.pci;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.zip.CRC32;
import org.chariot.emulator.bus.AccessFault;
import org.chariot.emulator.devices.GuestMemory;

/**
 * Chariot's example PCI device, as examples/drivers/pci/DEVICE.md specifies it: a function
 * (vendor 0x1234, device 0xc4a1) with its registers in BAR 0 and a 4 KiB buffer of its own in
 * BAR 2, and a DMA engine that copies between guest memory and that buffer, in either direction,
 * raising INTx when a transfer is done or has failed. Transfers complete before the command
 * write returns; they fail unless the function is a bus master and the range lies in guest RAM
 * and in the buffer.
 */
public final class ExamplePciDevice extends PciFunction {

    public static final int DEVICE = 0xc4a1;
    static final int CLASS_OTHER = 0xff_00_00;
    static final int ID_VALUE = 0x43504349; // "CPCI"
    static final int REGISTERS_BAR = 0, BUFFER_BAR = 2;
    static final long REGISTERS_SIZE = 0x1000, BUFFER_SIZE = 0x1000;
    static final int ID = 0x00, STATUS = 0x04, INTERRUPT_ENABLE = 0x08, COMMAND = 0x0c, DMA_ADDRESS_LOW = 0x10;
    static final int DMA_ADDRESS_HIGH = 0x14, LENGTH = 0x18, OFFSET = 0x1c, CHECKSUM = 0x20, TRANSFERS = 0x24;
    static final int DONE = 0x1, ERROR = 0x2;
    static final int TO_DEVICE = 1, FROM_DEVICE = 2;

    private final GuestMemory memory;
    private final byte[] buffer = new byte[(int) BUFFER_SIZE];
    private final CRC32 crc = new CRC32();
    private int status, interruptEnable, length, offset, checksum, transfers;
    private long dmaAddress;

    public ExamplePciDevice(GuestMemory memory) {
        super(new Identity(PciHost.CHARIOT_VENDOR, DEVICE, CLASS_OTHER, 1, PciHost.CHARIOT_VENDOR, DEVICE),
                List.of(new Bar(REGISTERS_BAR, Bar.Kind.MEMORY_32, REGISTERS_SIZE),
                        new Bar(BUFFER_BAR, Bar.Kind.MEMORY_64, BUFFER_SIZE)), List.of(), true);
        this.memory = memory.forMaster(this);
    }

    @Override
    protected void saveFunctionState(DataOutput out) throws IOException {
        for (int register : new int[] {status, interruptEnable, length, offset, checksum, transfers}) {
            out.writeInt(register);
        }
        out.writeLong(dmaAddress);
        out.write(buffer);
    }

    @Override
    protected void restoreFunctionState(DataInput in) throws IOException {
        status = in.readInt();
        interruptEnable = in.readInt();
        length = in.readInt();
        offset = in.readInt();
        checksum = in.readInt();
        transfers = in.readInt();
        dmaAddress = in.readLong();
        in.readFully(buffer);
    }

    @Override
    protected synchronized long barLoad(int bar, long at, int size) throws AccessFault {
        if (bar == BUFFER_BAR) {
            return bufferLoad((int) at, size);
        }
        requireWord(at, size);
        return switch ((int) at) {
            case ID -> ID_VALUE;
            case STATUS -> status;
            case INTERRUPT_ENABLE -> interruptEnable;
            case DMA_ADDRESS_LOW -> (int) dmaAddress;
            case DMA_ADDRESS_HIGH -> (int) (dmaAddress >>> 32);
            case LENGTH -> length;
            case OFFSET -> offset;
            case CHECKSUM -> checksum;
            case TRANSFERS -> transfers;
            default -> 0;
        } & 0xffff_ffffL;
    }

    @Override
    protected synchronized void barStore(int bar, long at, int size, long value) throws AccessFault {
        if (bar == BUFFER_BAR) {
            for (int i = 0; i < size; i++) {
                buffer[(int) at + i] = (byte) (value >>> (8 * i));
            }
            return;
        }
        requireWord(at, size);
        int word = (int) value;
        switch ((int) at) {
            case STATUS -> status &= ~word;
            case INTERRUPT_ENABLE -> interruptEnable = word & (DONE | ERROR);
            case COMMAND -> transfer(word);
            case DMA_ADDRESS_LOW -> dmaAddress = dmaAddress & ~0xffff_ffffL | word & 0xffff_ffffL;
            case DMA_ADDRESS_HIGH -> dmaAddress = dmaAddress & 0xffff_ffffL | (long) word << 32;
            case LENGTH -> length = word;
            case OFFSET -> offset = word;
            default -> { }
        }
        updateInterrupt();
    }

    private long bufferLoad(int at, int size) {
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | (buffer[at + i] & 0xff);
        }
        return value;
    }

    private static void requireWord(long at, int size) throws AccessFault {
        if (size != 4 || (at & 3) != 0) {
            throw new AccessFault(at, "the example PCI device's registers take only aligned 32-bit accesses");
        }
    }

    /** Runs one DMA transfer: sets DONE, or ERROR when it cannot be done as asked. */
    private void transfer(int direction) {
        boolean valid = (direction == TO_DEVICE || direction == FROM_DEVICE) && busMasterEnabled() && length > 0
                && offset >= 0 && (long) offset + length <= BUFFER_SIZE;
        try {
            if (valid && direction == TO_DEVICE) {
                memory.read(dmaAddress, buffer, offset, length);
                crc.reset();
                crc.update(buffer, offset, length);
                checksum = (int) crc.getValue();
            } else if (valid) {
                memory.write(dmaAddress, buffer, offset, length);
            }
        } catch (IllegalArgumentException outsideRam) {
            valid = false; // a bus error: the master abort of a real transfer
        }
        if (valid) {
            transfers++;
        }
        status |= valid ? DONE : ERROR;
    }

    private void updateInterrupt() {
        setInterrupt((status & interruptEnable) != 0);
    }
}
