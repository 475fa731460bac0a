package org.chariot.emulator.fdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FdtWriterTest {

    @TempDir
    Path dir;

    private static Node sampleTree() {
        Node root = new Node("");
        root.cells("#address-cells", 2).cells("#size-cells", 2).strings("compatible", "riscv-virtio");
        root.addChild("chosen").strings("bootargs", "console=ttyS0");
        root.addChild("memory@80000000").strings("device_type", "memory").longCells("reg", 0x8000_0000L, 0x800_0000L);
        Node soc = root.addChild("soc").cells("#address-cells", 2).cells("#size-cells", 2).flag("ranges");
        DeviceTreeContext tree = new DeviceTreeContext(root, soc);
        tree.wireInterrupt(tree.addDevice("serial", 0x1000_0000L, 0x100), 10).strings("compatible", "ns16550a");
        tree.label(tree.addDevice("plic", 0xc00_0000L, 0x60_0000), DeviceTreeContext.PLIC)
                .strings("compatible", "sifive,plic-1.0.0", "riscv,plic0")
                .cells("#address-cells", 0).cells("#interrupt-cells", 1).flag("interrupt-controller");
        return root;
    }

    @Test
    void headerDescribesTheBlocks() {
        byte[] blob = FdtWriter.write(sampleTree(), List.of(new FdtWriter.Reservation(0x8000_0000L, 0x1000)), 0);
        ByteBuffer header = ByteBuffer.wrap(blob);
        assertEquals(FdtWriter.MAGIC, header.getInt(0));
        assertEquals(blob.length, header.getInt(4));
        assertEquals(FdtWriter.HEADER_SIZE, header.getInt(16), "reservation map follows the header");
        assertEquals(17, header.getInt(20));
        assertEquals(0x8000_0000L, header.getLong(40), "first reservation's address");
        assertEquals(0, header.getLong(56 + 8), "the map ends with an empty entry");
        int structure = header.getInt(8);
        assertEquals(FdtWriter.BEGIN_NODE, header.getInt(structure));
    }

    @Test
    void dtcDecompilesTheBlobToTheSameTree() throws IOException, InterruptedException {
        byte[] blob = FdtWriter.write(sampleTree(), List.of(), 0);
        String source = Dtc.decompile(blob, dir);
        assertTrue(source.contains("bootargs = \"console=ttyS0\";"), source);
        assertTrue(source.contains("reg = <0x00 0x80000000 0x00 0x8000000>;"), source);
        assertTrue(source.contains("serial@10000000 {"), source);
        assertTrue(source.contains("interrupt-parent = <0x01>;"), source);
        assertTrue(source.contains("compatible = \"sifive,plic-1.0.0\\0riscv,plic0\";"), source);
        assertTrue(source.contains("phandle = <0x01>;"), source);
        assertTrue(source.contains("ranges;"), source);
    }
}
