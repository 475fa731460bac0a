package org.chariot.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.devices.described.DeviceFile;
import org.chariot.emulator.devices.virtio.VirtioRng;
import org.chariot.emulator.fdt.Dtc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineDeviceTreeTest {

    @TempDir
    Path dir;

    @Test
    void treeDescribesEveryDeviceOfThePlatformAndDtcAcceptsItWithoutWarnings() throws Exception {
        try (Platform platform = new Platform(16 << 20, null, OutputStream.nullOutputStream())) {
            platform.attachVirtio(new VirtioRng());
            Peripherals.attach(platform, new Board(List.of(
                    DeviceFile.parse(Path.of("a.device"), "compatible acme,thermo\nregister S at 0 rw\ninterrupt while S & 1"),
                    DeviceFile.parse(Path.of("b.device"), "compatible acme,gauge\nbus i2c 0x36\nproperty acme,cells 4"),
                    DeviceFile.parse(Path.of("c.device"), "compatible acme,adc\nbus spi 2")), List.of()));
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
                    "compatible = \"chariot,example-device\";",
                    "rtc@101000 {",
                    "compatible = \"google,goldfish-rtc\";",
                    "i2c@10020000 {",
                    "compatible = \"opencores,i2c-ocores\";",
                    "temperature-sensor@48 {",
                    "compatible = \"national,lm75\";",
                    "eeprom@50 {",
                    "compatible = \"atmel,24c02\";",
                    "gauge@36 {",
                    "acme,cells = <0x04>;",
                    "spi@10021000 {",
                    "compatible = \"sifive,spi0\";",
                    "flash@0 {",
                    "compatible = \"jedec,spi-nor\";",
                    "adc@2 {",
                    "compatible = \"fixed-clock\";",
                    "gpio@10022000 {",
                    "compatible = \"sifive,gpio0\";",
                    "interrupts = <0x10 0x11 0x12 0x13 0x14 0x15 0x16 0x17>;",
                    "pci@30000000 {",
                    "compatible = \"pci-host-ecam-generic\";",
                    "device_type = \"pci\";",
                    "bus-range = <0x00 0xff>;",
                    "ranges = <0x1000000 0x00 0x00 0x00 0x3000000 0x00 0x10000 "
                            + "0x2000000 0x00 0x40000000 0x00 0x40000000 0x00 0x40000000>;",
                    "interrupt-map-mask = <0x1800 0x00 0x00 0x07>;",
                    "dma-coherent;",
                    "thermo@10030000 {",
                    "interrupts = <0x18>;")) {
                assertTrue(source.contains(expected), () -> "missing " + expected + " in\n" + source);
            }
            for (Platform.Mapping mapping : platform.devices()) {
                String unit = String.format("@%x {", mapping.base());
                assertTrue(source.contains(unit), () -> mapping.device() + " has no node " + unit);
            }
        }
    }
}
