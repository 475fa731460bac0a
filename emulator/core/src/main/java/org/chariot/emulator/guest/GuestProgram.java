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

    /** Returns a guest executable for {@code program}, building a C source (or reusing its current build). */
    public static Path prepare(GuestKit kit, Path program) throws GuestToolException {
        if (!Files.isRegularFile(program)) {
            throw new GuestToolException("no exercise program at " + program);
        }
        if (program.getFileName().toString().endsWith(".c")) {
            return compile(kit, program);
        }
        requireRiscvExecutable(program);
        return program;
    }

    /**
     * Compiles {@code source} unless the binary from its last compilation with this kit is current with
     * every file it included (as gcc's dependency list names them). Binaries are kept beside the kit,
     * one folder per source file.
     */
    private static Path compile(GuestKit kit, Path source) throws GuestToolException {
        Path absolute = source.toAbsolutePath().normalize();
        String name = source.getFileName().toString().replaceFirst("\\.c$", "");
        Path directory = kit.directory().resolveSibling(kit.key() + ".programs").resolve(Fingerprint.of(absolute.toString()));
        Path binary = directory.resolve(name);
        Path dependencies = directory.resolve(name + ".d");
        try {
            if (Files.isRegularFile(dependencies)
                    && DependencyList.current(binary, DependencyList.inputs(dependencies))) {
                return binary;
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new GuestToolException("cannot use " + directory + " for the exercise program: " + e.getMessage(), e);
        }
        ExternalCommand.Result result = new ExternalCommand(List.of(kit.guestCc().toString(), "-MD", "-MF",
                dependencies.toString(), "-o", binary.toString(), absolute.toString())).run();
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
