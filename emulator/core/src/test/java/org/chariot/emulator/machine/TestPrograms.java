package org.chariot.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Assembles small bare-metal programs with the Debian cross toolchain (gcc-riscv64-linux-gnu). */
final class TestPrograms {

    private static final String GCC = "riscv64-linux-gnu-gcc";
    static final String TOHOST = """
            .section .tohost, "aw", @progbits
            .align 6
            .globl tohost
            tohost: .dword 0
            .size tohost, 8
            """;

    private TestPrograms() {
    }

    /** Assembles {@code source} (entry {@code _start}) linked at the base of RAM; -N keeps the ELF headers out of the loaded segment. */
    static Path assemble(Path dir, String name, String source) throws IOException, InterruptedException {
        Path asm = Files.writeString(dir.resolve(name + ".S"), source);
        Path elf = dir.resolve(name + ".elf");
        Process gcc;
        try {
            gcc = new ProcessBuilder(GCC, "-nostdlib", "-nostartfiles", "-static", "-march=rv64imac", "-mabi=lp64",
                    "-mcmodel=medany", "-Wl,-Ttext=0x80000000", "-Wl,-N", "-Wl,--no-warn-rwx-segments", "-Wl,--build-id=none", "-o", elf.toString(), asm.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, GCC + " is not installed (apt-get install gcc-riscv64-linux-gnu): " + e.getMessage());
            throw e;
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        gcc.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, gcc.exitValue(), output);
        return elf;
    }
}
