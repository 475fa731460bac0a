package org.chariot.emulator.fdt;

import java.util.HashMap;
import java.util.Map;

/**
 * What a device sees while it describes itself: the root and the {@code /soc} bus to add nodes to,
 * and phandles by label, so a device can point at a node that is described later (or earlier).
 */
public final class DeviceTreeContext {

    /** Label of the hart's local interrupt controller ({@code riscv,cpu-intc}). */
    public static final String CPU_INTC = "cpu0-intc";
    /** Label of the platform interrupt controller. */
    public static final String PLIC = "plic";

    private final Node root;
    private final Node soc;
    private final Map<String, Integer> phandles = new HashMap<>();

    public DeviceTreeContext(Node root, Node soc) {
        this.root = root;
        this.soc = soc;
    }

    public Node root() {
        return root;
    }

    /** Adds {@code name@base} under {@code /soc} with its {@code reg} (two address and two size cells). */
    public Node addDevice(String name, long base, long size) {
        return soc.addChild(String.format("%s@%x", name, base)).longCells("reg", base, size);
    }

    /** Adds {@code interrupt-parent} (the PLIC) and {@code interrupts} to a device node. */
    public Node wireInterrupt(Node node, int source) {
        return node.cells("interrupt-parent", phandle(PLIC)).cells("interrupts", source);
    }

    /**
     * The phandle of a fixed-rate clock of {@code hz} under the root, added on first use, for
     * controllers whose drivers insist on a clock to derive their dividers from.
     */
    public int fixedClock(int hz) {
        String label = "clock-" + hz;
        if (!phandles.containsKey(label)) {
            label(root.addChild(label), label).strings("compatible", "fixed-clock").cells("#clock-cells", 0)
                    .cells("clock-frequency", hz);
        }
        return phandle(label);
    }

    /** The phandle for a label; the same label always gives the same number. */
    public int phandle(String label) {
        return phandles.computeIfAbsent(label, l -> phandles.size() + 1);
    }

    /** Gives a node the phandle of its label. */
    public Node label(Node node, String label) {
        return node.cells("phandle", phandle(label));
    }
}
