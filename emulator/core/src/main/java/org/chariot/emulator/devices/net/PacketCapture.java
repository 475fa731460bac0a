package org.chariot.emulator.devices.net;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A pcap file (the classic libpcap format that tcpdump, tshark and Wireshark read) of Ethernet
 * frames: a global header, then one record per frame with its host time in microseconds. Each
 * frame is flushed as it is written, so the file holds every frame even when the run is cut off.
 */
public final class PacketCapture implements AutoCloseable {

    static final int MAGIC = 0xa1b2c3d4, VERSION_MAJOR = 2, VERSION_MINOR = 4, SNAPSHOT_LENGTH = 65535;
    static final int LINKTYPE_ETHERNET = 1, GLOBAL_HEADER = 24, RECORD_HEADER = 16;

    private final OutputStream out;

    private PacketCapture(OutputStream out) {
        this.out = out;
    }

    /** Starts a capture file (replacing any file there). */
    public static PacketCapture create(Path file) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
        ByteBuffer header = ByteBuffer.allocate(GLOBAL_HEADER).order(ByteOrder.LITTLE_ENDIAN).putInt(MAGIC)
                .putShort((short) VERSION_MAJOR).putShort((short) VERSION_MINOR).putInt(0).putInt(0)
                .putInt(SNAPSHOT_LENGTH).putInt(LINKTYPE_ETHERNET);
        try {
            out.write(header.array());
            out.flush();
        } catch (IOException e) {
            out.close();
            throw e;
        }
        return new PacketCapture(out);
    }

    /** Appends one frame, as it crossed the link now. */
    public synchronized void record(byte[] frame) {
        Instant now = Instant.now();
        ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER).order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) now.getEpochSecond()).putInt(now.getNano() / 1000).putInt(frame.length)
                .putInt(frame.length);
        try {
            out.write(header.array());
            out.write(frame);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the packet capture failed", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
