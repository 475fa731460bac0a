package org.chariot.emulator.fdt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One device-tree node: ordered properties and children, as they will appear in the blob. */
public final class Node {

    private final String name;
    private final Map<String, byte[]> properties = new LinkedHashMap<>();
    private final List<Node> children = new ArrayList<>();

    public Node(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Map<String, byte[]> properties() {
        return Map.copyOf(properties);
    }

    /** Property names in insertion order. */
    public List<String> propertyNames() {
        return List.copyOf(properties.keySet());
    }

    public byte[] property(String propertyName) {
        return properties.get(propertyName);
    }

    public List<Node> children() {
        return List.copyOf(children);
    }

    /** Adds and returns a new child node. */
    public Node addChild(String childName) {
        for (Node child : children) {
            if (child.name.equals(childName)) {
                throw new IllegalArgumentException("duplicate node " + childName + " under " + name);
            }
        }
        Node child = new Node(childName);
        children.add(child);
        return child;
    }

    /** Finds a direct child by its full name (with unit address), or null. */
    public Node child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    public Node bytes(String propertyName, byte[] value) {
        properties.put(propertyName, value.clone());
        return this;
    }

    /** A property without value, such as {@code interrupt-controller}. */
    public Node flag(String propertyName) {
        return bytes(propertyName, new byte[0]);
    }

    /** A string list: each string NUL-terminated, as {@code compatible} wants. */
    public Node strings(String propertyName, String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String value : values) {
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return bytes(propertyName, out.toByteArray());
    }

    /** Big-endian 32-bit cells. */
    public Node cells(String propertyName, int... values) {
        byte[] out = new byte[values.length * 4];
        for (int i = 0; i < values.length; i++) {
            putCell(out, i * 4, values[i]);
        }
        return bytes(propertyName, out);
    }

    /** 64-bit values, each as two cells (high, low): addresses and sizes with #...-cells = 2. */
    public Node longCells(String propertyName, long... values) {
        int[] split = new int[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            split[2 * i] = (int) (values[i] >>> 32);
            split[2 * i + 1] = (int) values[i];
        }
        return cells(propertyName, split);
    }

    static void putCell(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }
}
