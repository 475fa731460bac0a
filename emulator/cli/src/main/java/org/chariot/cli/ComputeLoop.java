package org.chariot.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.chariot.emulator.guest.ExternalCommand;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;

/** The compute-loop benchmark's bare-metal program: built from the jar's {@code compute-loop.S} with the cross compiler. */
final class ComputeLoop {

    private static final String COMPILER = "riscv64-linux-gnu-gcc";

    private ComputeLoop() {
    }

    /** Builds the program under the cache (anew each time: it takes a moment) and returns the ELF. */
    static Path build(Installation installation) throws GuestToolException {
        Path directory = installation.cache().resolve("bench").resolve("compute-loop");
        Path elf = directory.resolve("compute-loop.elf");
        try {
            Files.createDirectories(directory);
            Path source = extract("compute-loop.S", directory);
            Path script = extract("compute-loop.ld", directory);
            ExternalCommand.Result result = new ExternalCommand(List.of(COMPILER, "-march=rv64imac_zicsr_zifencei",
                    "-mabi=lp64", "-nostdlib", "-nostartfiles", "-static", "-Wl,--build-id=none", "-T", script.toString(),
                    "-o", elf.toString(), source.toString())).run();
            if (!result.succeeded()) {
                throw new GuestToolException("the compute loop did not build with " + COMPILER + ":", result.tail(15));
            }
        } catch (IOException e) {
            throw new GuestToolException("cannot write the compute loop under " + directory + ": " + e.getMessage(), e);
        }
        return elf;
    }

    private static Path extract(String resource, Path directory) throws IOException {
        Path file = directory.resolve(resource);
        try (InputStream in = ComputeLoop.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the jar lacks " + resource);
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
