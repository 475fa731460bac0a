package org.chariot.emulator.devices.spi;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.Node;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * A 4 MiB SPI NOR flash that identifies itself as a Winbond W25Q32 ({@code jedec,spi-nor}, Linux's
 * spi-nor under MTD): JEDEC id, read and fast read, status register, write enable, page program
 * (bits only go from 1 to 0, the address wraps inside its 256-byte page), 4 KiB sector, 64 KiB
 * block and chip erase (to 0xff). Every operation completes at once, so the status register's
 * busy bit never shows; its protection bits are kept but not enforced.
 */
public final class SpiNorFlash implements SpiTarget, Snapshottable {

    static final int SIZE = 4 << 20, PAGE = 256, SECTOR = 4 << 10, BLOCK = 64 << 10;
    static final byte[] JEDEC_ID = {(byte) 0xef, 0x40, 0x16};
    static final int WRITE_STATUS = 0x01, PAGE_PROGRAM = 0x02, READ = 0x03, WRITE_DISABLE = 0x04;
    static final int READ_STATUS = 0x05, WRITE_ENABLE = 0x06, FAST_READ = 0x0b, SECTOR_ERASE = 0x20;
    static final int CHIP_ERASE = 0xc7, CHIP_ERASE_ALTERNATIVE = 0x60, READ_ID = 0x9f, BLOCK_ERASE = 0xd8;
    static final int STATUS_WRITE_ENABLED = 0x02;
    private static final int STATUS_WRITABLE = 0xfc;
    private static final int MAX_SPI_HZ = 25_000_000;

    /** Where a command is: its opcode, its address bytes, its dummy byte, its data. */
    private enum Phase { OPCODE, ADDRESS, DUMMY, DATA }

    private final int chipSelect;

    // State: the array, the status register, and the command under way.
    private final byte[] memory = new byte[SIZE];
    private int status;
    private Phase phase = Phase.OPCODE;
    private int opcode;
    private int address, addressBytes;
    private int dataIndex;

    /** The array only if written (an erased one is all ones: most snapshots spare its 4 MiB), then the command state. */
    @Override
    public synchronized void saveState(DataOutput out) throws IOException {
        boolean erased = isErased();
        out.writeBoolean(erased);
        if (!erased) {
            out.write(memory);
        }
        out.writeInt(status);
        out.writeInt(phase.ordinal());
        out.writeInt(opcode);
        out.writeInt(address);
        out.writeInt(addressBytes);
        out.writeInt(dataIndex);
    }

    private boolean isErased() {
        for (byte b : memory) {
            if (b != (byte) 0xff) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized void restoreState(DataInput in) throws IOException {
        if (in.readBoolean()) {
            Arrays.fill(memory, (byte) 0xff);
        } else {
            in.readFully(memory);
        }
        status = in.readInt();
        phase = Phase.values()[in.readInt()];
        opcode = in.readInt();
        address = in.readInt();
        addressBytes = in.readInt();
        dataIndex = in.readInt();
    }

    public SpiNorFlash(int chipSelect) {
        this.chipSelect = chipSelect;
        Arrays.fill(memory, (byte) 0xff);
    }

    @Override
    public int chipSelect() {
        return chipSelect;
    }

    @Override
    public synchronized void select() {
        phase = Phase.OPCODE;
    }

    @Override
    public synchronized int exchange(int out) {
        switch (phase) {
            case OPCODE -> begin(out);
            case ADDRESS -> {
                address = (address << 8 | out) & (SIZE - 1);
                if (++addressBytes == 3) {
                    phase = opcode == FAST_READ ? Phase.DUMMY : Phase.DATA;
                }
            }
            case DUMMY -> phase = Phase.DATA;
            case DATA -> {
                return data(out);
            }
        }
        return 0xff;
    }

    private void begin(int command) {
        opcode = command;
        address = 0;
        addressBytes = 0;
        dataIndex = 0;
        phase = switch (command) {
            case READ, FAST_READ, PAGE_PROGRAM, SECTOR_ERASE, BLOCK_ERASE -> Phase.ADDRESS;
            default -> Phase.DATA;
        };
        switch (command) {
            case WRITE_ENABLE -> status |= STATUS_WRITE_ENABLED;
            case WRITE_DISABLE -> status &= ~STATUS_WRITE_ENABLED;
            default -> { }
        }
    }

    private int data(int out) {
        switch (opcode) {
            case READ, FAST_READ -> {
                int value = memory[address] & 0xff;
                address = (address + 1) & (SIZE - 1);
                return value;
            }
            case READ_STATUS -> {
                return status;
            }
            case READ_ID -> {
                return dataIndex < JEDEC_ID.length ? JEDEC_ID[dataIndex++] & 0xff : 0;
            }
            case PAGE_PROGRAM -> {
                if ((status & STATUS_WRITE_ENABLED) != 0) {
                    memory[address] &= (byte) out;
                    address = (address & ~(PAGE - 1)) | ((address + 1) & (PAGE - 1));
                }
            }
            case WRITE_STATUS -> {
                if ((status & STATUS_WRITE_ENABLED) != 0 && dataIndex++ == 0) {
                    status = (status & ~STATUS_WRITABLE) | (out & STATUS_WRITABLE);
                }
            }
            default -> { }
        }
        return 0xff;
    }

    /** Erases and status writes take effect when the command ends, as on the chip; each ends write enable. */
    @Override
    public synchronized void deselect() {
        if ((status & STATUS_WRITE_ENABLED) != 0) {
            switch (opcode) {
                case SECTOR_ERASE -> erase(SECTOR);
                case BLOCK_ERASE -> erase(BLOCK);
                case CHIP_ERASE, CHIP_ERASE_ALTERNATIVE -> erase(SIZE);
                default -> { }
            }
            if (endsWriteEnable(opcode)) {
                status &= ~STATUS_WRITE_ENABLED;
            }
        }
        phase = Phase.OPCODE;
    }

    private static boolean endsWriteEnable(int opcode) {
        return switch (opcode) {
            case PAGE_PROGRAM, WRITE_STATUS, SECTOR_ERASE, BLOCK_ERASE, CHIP_ERASE, CHIP_ERASE_ALTERNATIVE -> true;
            default -> false;
        };
    }

    private void erase(int size) {
        if (phase == Phase.DATA) { // the whole address arrived
            int start = address & -size;
            Arrays.fill(memory, start, start + size, (byte) 0xff);
        }
    }

    /** A copy of {@code length} bytes at {@code offset}, for tests and the host's view of the chip. */
    public synchronized byte[] contents(int offset, int length) {
        return Arrays.copyOfRange(memory, offset, offset + length);
    }

    @Override
    public void describe(DeviceTreeContext tree, Node bus) {
        bus.addChild(String.format("flash@%x", chipSelect)).strings("compatible", "jedec,spi-nor")
                .cells("reg", chipSelect).cells("spi-max-frequency", MAX_SPI_HZ);
    }
}
