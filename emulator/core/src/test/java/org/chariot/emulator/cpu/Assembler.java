package org.chariot.emulator.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Assembles RISC-V source with the cross binutils into a flat image linked at a given address. */
final class Assembler {

    /** The flat image and the addresses of its labels. */
    record Program(byte[] image, Map<String, Long> symbols) {
        long symbol(String name) {
            Long address = symbols.get(name);
            if (address == null) {
                throw new IllegalArgumentException("no label " + name + " in the test program");
            }
            return address;
        }
    }

    private Assembler() {
    }

    static byte[] assemble(String source, long base) {
        return program(source, base).image();
    }

    static Program program(String source, long base) {
        try {
            Path dir = Files.createTempDirectory("chariot-asm");
            try {
                Path asm = dir.resolve("t.S");
                Files.writeString(asm, source + "\n");
                run(dir, "riscv64-linux-gnu-as", "-march=rv64imac_zicsr_zifencei", "-mabi=lp64", "-o", "t.o", "t.S");
                run(dir, "riscv64-linux-gnu-ld", "--no-relax", "-Ttext=0x" + Long.toHexString(base), "-e", "0x"
                        + Long.toHexString(base), "-o", "t.elf", "t.o");
                run(dir, "riscv64-linux-gnu-objcopy", "-O", "binary", "t.elf", "t.bin");
                Map<String, Long> symbols = new HashMap<>();
                for (String line : run(dir, "riscv64-linux-gnu-nm", "t.elf").split("\n")) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length == 3) {
                        symbols.put(fields[2], Long.parseUnsignedLong(fields[0], 16));
                    }
                }
                return new Program(Files.readAllBytes(dir.resolve("t.bin")), symbols);
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.delete(file);
                    }
                }
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot assemble test code: " + e.getMessage(), e);
        }
    }

    private static String run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (install binutils-riscv64-linux-gnu?):\n"
                        + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assembling", e);
        }
    }
}
