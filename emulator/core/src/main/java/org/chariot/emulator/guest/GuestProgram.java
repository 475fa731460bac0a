package org.chariot.emulator.guest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A program to run inside the guest: a C source built with the kit's nolibc, or a prebuilt RISC-V ELF. */
public final class GuestProgram {

    private static final int EM_RISCV = 243;

    private GuestProgram() {
    }

    /** Returns a guest executable for {@code program}, building C sources into {@code outputDir}. */
    public static Path prepare(GuestKit kit, Path program, Path outputDir) throws GuestToolException {
        if (!Files.isRegularFile(program)) {
            throw new GuestToolException("no exercise program at " + program);
        }
        if (program.getFileName().toString().endsWith(".c")) {
            return compile(kit, program, outputDir);
        }
        requireRiscvExecutable(program);
        return program;
    }

    private static Path compile(GuestKit kit, Path source, Path outputDir) throws GuestToolException {
        String name = source.getFileName().toString().replaceFirst("\\.c$", "");
        Path binary = outputDir.resolve(name);
        ExternalCommand.Result result = new ExternalCommand(List.of(kit.guestCc().toString(), "-o", binary.toString(),
                source.toAbsolutePath().toString())).run();
        if (!result.succeeded()) {
            throw new BuildFailedException("the exercise program " + source + " did not compile; the compiler's messages:",
                    result.output());
        }
        return binary;
    }

    private static void requireRiscvExecutable(Path program) throws GuestToolException {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(program)) {
            if (in.readNBytes(header, 0, header.length) == header.length && header[0] == 0x7f && header[1] == 'E'
                    && header[2] == 'L' && header[3] == 'F' && header[4] == 2
                    && ((header[18] & 0xff) | (header[19] & 0xff) << 8) == EM_RISCV) {
                return;
            }
        } catch (IOException e) {
            throw new GuestToolException("cannot read " + program + ": " + e.getMessage(), e);
        }
        throw new GuestToolException(program + " is neither a C file nor a 64-bit RISC-V ELF executable: "
                + "give the exercise as a .c file (built with the kit's nolibc) or a binary built for the guest.");
    }
}
