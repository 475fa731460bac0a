package org.chariot.emulator.machine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A RISC-V Linux {@code Image}: its bytes and what its 64-byte header says about loading it. */
final class KernelImage {

    private static final int HEADER_SIZE = 64;
    private static final int MAGIC2 = 0x05435352; // "RSC\x05", little-endian
    private static final long DEFAULT_TEXT_OFFSET = 0x20_0000;

    private final byte[] bytes;
    private final long textOffset;
    private final long imageSize;

    private KernelImage(byte[] bytes, long textOffset, long imageSize) {
        this.bytes = bytes;
        this.textOffset = textOffset;
        this.imageSize = imageSize;
    }

    static KernelImage read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < HEADER_SIZE || header.getInt(0x38) != MAGIC2) {
            throw new IOException(path + " is not a RISC-V Linux Image (no \"RSC\\x05\" magic at 0x38);"
                    + " pass arch/riscv/boot/Image from the kernel build, not vmlinux or a compressed image");
        }
        long textOffset = header.getLong(0x08);
        long imageSize = header.getLong(0x10);
        return new KernelImage(bytes, textOffset == 0 ? DEFAULT_TEXT_OFFSET : textOffset,
                Math.max(imageSize, bytes.length));
    }

    byte[] bytes() {
        return bytes;
    }

    /** Where the kernel wants to sit, relative to the start of RAM. */
    long textOffset() {
        return textOffset;
    }

    /** Memory the kernel occupies once loaded, including its BSS. */
    long imageSize() {
        return imageSize;
    }
}
