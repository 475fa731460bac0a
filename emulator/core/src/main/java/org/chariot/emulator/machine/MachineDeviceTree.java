package org.chariot.emulator.machine;

import java.util.List;
import org.chariot.emulator.fdt.DeviceTreeContext;
import org.chariot.emulator.fdt.FdtWriter;
import org.chariot.emulator.fdt.Node;

/** The device tree handed to the kernel, generated from the platform's own device list. */
final class MachineDeviceTree {

    /** The hart as the tree advertises it; Sstc lets the kernel program its timer without the SBI. */
    static final String ISA = "rv64imac_zicsr_zifencei_sstc";
    /** A physical range to pass as {@code linux,initrd-start/end}. */
    record Initrd(long start, long end) {
    }

    private MachineDeviceTree() {
    }

    static byte[] build(Platform platform, long memoryBytes, String bootargs, Initrd initrd,
                        List<FdtWriter.Reservation> reservations) {
        Node root = new Node("");
        root.cells("#address-cells", 2).cells("#size-cells", 2)
                .strings("compatible", "riscv-virtio").strings("model", "riscv-virtio,chariot");
        Node chosen = root.addChild("chosen").strings("bootargs", bootargs);
        root.addChild(String.format("memory@%x", Platform.RAM_BASE))
                .strings("device_type", "memory").longCells("reg", Platform.RAM_BASE, memoryBytes);
        Node cpuInterruptController = addCpus(root, platform.clock().frequency());
        Node soc = root.addChild("soc").cells("#address-cells", 2).cells("#size-cells", 2)
                .strings("compatible", "simple-bus").flag("ranges");
        DeviceTreeContext tree = new DeviceTreeContext(root, soc);
        tree.label(cpuInterruptController, DeviceTreeContext.CPU_INTC);
        for (Platform.Mapping mapping : platform.devices()) {
            mapping.device().describe(tree, mapping.base());
        }
        chosen.strings("stdout-path", String.format("/soc/serial@%x", Platform.UART_BASE));
        if (initrd != null) {
            chosen.longCells("linux,initrd-start", initrd.start()).longCells("linux,initrd-end", initrd.end());
        }
        return FdtWriter.write(root, reservations, 0);
    }

    /** Adds /cpus and returns the hart's interrupt controller node. */
    private static Node addCpus(Node root, long timebase) {
        Node cpus = root.addChild("cpus").cells("#address-cells", 1).cells("#size-cells", 0)
                .cells("timebase-frequency", (int) timebase);
        Node cpu = cpus.addChild("cpu@0").strings("device_type", "cpu").cells("reg", 0)
                .strings("status", "okay").strings("compatible", "riscv")
                .strings("riscv,isa", ISA).strings("mmu-type", "riscv,sv39");
        return cpu.addChild("interrupt-controller").cells("#address-cells", 0).cells("#interrupt-cells", 1)
                .flag("interrupt-controller").strings("compatible", "riscv,cpu-intc");
    }
}
