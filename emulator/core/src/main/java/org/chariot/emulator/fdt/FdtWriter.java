package org.chariot.emulator.fdt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Serialises a {@link Node} tree to a flattened device tree blob (version 17, as dtc writes it). */
public final class FdtWriter {

    /** A range of physical memory the guest must leave alone. */
    public record Reservation(long address, long size) {
    }

    static final int MAGIC = 0xd00dfeed;
    static final int VERSION = 17;
    static final int LAST_COMPATIBLE_VERSION = 16;
    static final int HEADER_SIZE = 40;
    static final int BEGIN_NODE = 1, END_NODE = 2, PROP = 3, END = 9;

    private final ByteArrayOutputStream structure = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> stringOffsets = new HashMap<>();

    private FdtWriter() {
    }

    public static byte[] write(Node root, List<Reservation> reservations, int bootCpu) {
        return new FdtWriter().serialise(root, reservations, bootCpu);
    }

    private byte[] serialise(Node root, List<Reservation> reservations, int bootCpu) {
        writeNode(root);
        token(END);
        byte[] reservationBlock = reservationBlock(reservations);
        int reservationOffset = HEADER_SIZE;
        int structureOffset = reservationOffset + reservationBlock.length;
        int stringsOffset = structureOffset + structure.size();
        int total = stringsOffset + strings.size();
        ByteBuffer blob = ByteBuffer.allocate(align(total)); // big-endian, as FDT is
        blob.putInt(MAGIC).putInt(blob.capacity()).putInt(structureOffset).putInt(stringsOffset)
                .putInt(reservationOffset).putInt(VERSION).putInt(LAST_COMPATIBLE_VERSION).putInt(bootCpu)
                .putInt(strings.size()).putInt(structure.size());
        blob.put(reservationBlock).put(structure.toByteArray()).put(strings.toByteArray());
        return blob.array();
    }

    private static byte[] reservationBlock(List<Reservation> reservations) {
        ByteBuffer block = ByteBuffer.allocate((reservations.size() + 1) * 16);
        for (Reservation r : reservations) {
            block.putLong(r.address()).putLong(r.size());
        }
        return block.array(); // ends with the all-zero terminator entry
    }

    private void writeNode(Node node) {
        token(BEGIN_NODE);
        writePadded(node.name().getBytes(StandardCharsets.UTF_8), true);
        for (String name : node.propertyNames()) {
            byte[] value = node.property(name);
            token(PROP);
            token(value.length);
            token(stringOffset(name));
            writePadded(value, false);
        }
        for (Node child : node.children()) {
            writeNode(child);
        }
        token(END_NODE);
    }

    private int stringOffset(String name) {
        return stringOffsets.computeIfAbsent(name, n -> {
            int offset = strings.size();
            strings.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            strings.write(0);
            return offset;
        });
    }

    private void token(int value) {
        byte[] cell = new byte[4];
        Node.putCell(cell, 0, value);
        structure.writeBytes(cell);
    }

    private void writePadded(byte[] data, boolean nulTerminated) {
        structure.writeBytes(data);
        int length = data.length;
        if (nulTerminated) {
            structure.write(0);
            length++;
        }
        for (int i = length; i < align(length); i++) {
            structure.write(0);
        }
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }
}
