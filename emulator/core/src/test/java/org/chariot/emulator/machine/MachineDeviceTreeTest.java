package org.chariot.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.devices.virtio.VirtioRng;
import org.chariot.emulator.fdt.Dtc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineDeviceTreeTest {

    @TempDir
    Path dir;

    @Test
    void treeDescribesEveryDeviceOfThePlatformAndDtcAcceptsItWithoutWarnings() throws IOException, InterruptedException {
        try (Platform platform = new Platform(16 << 20, null, OutputStream.nullOutputStream())) {
            platform.attachVirtio(new VirtioRng());
            byte[] blob = MachineDeviceTree.build(platform, 16 << 20, "console=ttyS0",
                    new MachineDeviceTree.Initrd(0x80f0_0000L, 0x80f0_1000L), List.of());
            String source = Dtc.decompile(blob, dir);
            for (String expected : List.of(
                    "riscv,isa = \"rv64imac_zicsr_zifencei_sstc\";",
                    "mmu-type = \"riscv,sv39\";",
                    "timebase-frequency = <0x989680>;",
                    "compatible = \"riscv,cpu-intc\";",
                    "reg = <0x00 0x80000000 0x00 0x1000000>;",
                    "bootargs = \"console=ttyS0\";",
                    "stdout-path = \"/soc/serial@10000000\";",
                    "linux,initrd-start = <0x00 0x80f00000>;",
                    "serial@10000000 {",
                    "interrupts = <0x0a>;",
                    "plic@c000000 {",
                    "clint@2000000 {",
                    "test@100000 {",
                    "compatible = \"syscon-poweroff\";",
                    "virtio_mmio@10001000 {",
                    "example@10010000 {",
                    "compatible = \"chariot,example-device\";")) {
                assertTrue(source.contains(expected), () -> "missing " + expected + " in\n" + source);
            }
            for (Platform.Mapping mapping : platform.devices()) {
                String unit = String.format("@%x {", mapping.base());
                assertTrue(source.contains(unit), () -> mapping.device() + " has no node " + unit);
            }
        }
    }
}
