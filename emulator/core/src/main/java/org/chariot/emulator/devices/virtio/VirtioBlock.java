package org.chariot.emulator.devices.virtio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * virtio block device backed by a host file: read, write, flush and get-id. The capacity is the
 * file's size in 512-byte sectors; requests beyond it fail with an I/O error status.
 */
public final class VirtioBlock implements VirtioBackend, AutoCloseable {

    static final int SECTOR = 512;
    static final int T_IN = 0, T_OUT = 1, T_FLUSH = 4, T_GET_ID = 8;
    static final byte S_OK = 0, S_IOERR = 1, S_UNSUPP = 2;
    static final long F_FLUSH = 1L << 9;
    private static final int HEADER = 16, ID_BYTES = 20;

    private final FileChannel disk;
    private final long sectors;
    private final byte[] id;

    public VirtioBlock(Path file) throws IOException {
        this.disk = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.sectors = disk.size() / SECTOR;
        this.id = Arrays.copyOf(file.getFileName().toString().getBytes(StandardCharsets.US_ASCII), ID_BYTES);
    }

    @Override
    public int deviceId() {
        return 2;
    }

    @Override
    public long features() {
        return F_FLUSH;
    }

    @Override
    public int queueCount() {
        return 1;
    }

    /** Configuration space: only {@code capacity} (u64 at offset 0) is offered. */
    @Override
    public long config(int offset, int size) {
        if (offset >= 8) {
            return 0;
        }
        long shifted = sectors >>> (8 * offset);
        return size == 8 ? shifted : shifted & ((1L << (8 * size)) - 1);
    }

    @Override
    public void notified(int index, List<SplitVirtqueue> queues) {
        queues.get(index).serve(this::process);
    }

    private int process(DescriptorChain chain) {
        byte[] request = chain.readable();
        int dataLength = chain.writableLength() - 1; // the last writable byte is the status
        if (request.length < HEADER || dataLength < 0) {
            throw new IllegalStateException("block request without header or status byte");
        }
        ByteBuffer header = ByteBuffer.wrap(request).order(ByteOrder.LITTLE_ENDIAN);
        int type = header.getInt(0);
        long sector = header.getLong(8);
        try {
            return switch (type) {
                case T_IN -> read(chain, sector, dataLength);
                case T_OUT -> finish(chain, 0, write(sector, request));
                case T_FLUSH -> {
                    disk.force(true);
                    yield finish(chain, 0, S_OK);
                }
                case T_GET_ID -> {
                    chain.write(Arrays.copyOf(id, Math.min(ID_BYTES, dataLength)));
                    yield finish(chain, dataLength, S_OK);
                }
                default -> finish(chain, dataLength, S_UNSUPP);
            };
        } catch (IOException e) {
            return finish(chain, dataLength, S_IOERR);
        }
    }

    private int read(DescriptorChain chain, long sector, int length) throws IOException {
        if (!inRange(sector, length)) {
            return finish(chain, length, S_IOERR);
        }
        ByteBuffer data = ByteBuffer.allocate(length);
        long start = sector * SECTOR;
        while (data.hasRemaining()) {
            if (disk.read(data, start + data.position()) < 0) {
                throw new IOException("disk image shrank while the guest was reading it");
            }
        }
        chain.write(data.array());
        return finish(chain, length, S_OK);
    }

    private byte write(long sector, byte[] request) throws IOException {
        int length = request.length - HEADER;
        if (!inRange(sector, length)) {
            return S_IOERR;
        }
        ByteBuffer data = ByteBuffer.wrap(request, HEADER, length);
        long position = sector * SECTOR;
        while (data.hasRemaining()) {
            position += disk.write(data, position);
        }
        return S_OK;
    }

    private boolean inRange(long sector, int length) {
        return sector >= 0 && sector <= sectors && (long) length <= (sectors - sector) * SECTOR;
    }

    /** Writes the status byte after {@code dataLength} bytes; returns the bytes written in total. */
    private static int finish(DescriptorChain chain, int dataLength, byte status) {
        chain.writeAt(dataLength, new byte[] {status});
        return dataLength + 1;
    }

    @Override
    public void close() {
        try {
            disk.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the disk image failed", e);
        }
    }
}
