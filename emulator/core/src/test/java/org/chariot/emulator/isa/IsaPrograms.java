package org.chariot.emulator.isa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The bare-metal ISA test programs of {@code src/test/isa}: each {@code .S} there (but the shared
 * {@code runtime.S}) is one program, built on first use with the Debian RISC-V cross compiler into
 * {@code target/isa/<target>}.
 */
final class IsaPrograms {

    private static final Path SOURCES = Path.of("src", "test", "isa");
    private static final Path OUTPUT = Path.of("target", "isa");
    private static final String RUNTIME = "runtime.S";
    private static final String COMPILER = "riscv64-linux-gnu-gcc";
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<Path, Path> BUILT = new ConcurrentHashMap<>();

    /** What a program is built for. */
    enum Target {
        /** Chariot's machine: every check. */
        MACHINE(List.of()),
        /** QEMU 7.2: without the checks of the few points where it departs from the specification. */
        QEMU_7_2(List.of("-DQEMU_7_2"));

        private final List<String> defines;

        Target(List<String> defines) {
            this.defines = defines;
        }

        private Path output() {
            return OUTPUT.resolve(name().toLowerCase(Locale.ROOT));
        }
    }

    /** Runs one built program somewhere and returns its exit code. */
    @FunctionalInterface
    interface Runner {
        int run(Path elf) throws Exception;
    }

    private IsaPrograms() {
    }

    /** One dynamic test per program built for {@code target}: it passes when {@code runner} returns 0. */
    static Stream<DynamicTest> tests(Target target, Runner runner) throws IOException {
        assumeTrue(HostCommand.available(COMPILER),
                COMPILER + " is not installed: apt-get install --no-install-recommends gcc-riscv64-linux-gnu");
        return names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            IsaOutcome outcome = new IsaOutcome(runner.run(elf(name, target)));
            assertTrue(outcome.passed(), () -> outcome.describe(name));
        }));
    }

    static Path source(String name) {
        return SOURCES.resolve(name + ".S");
    }

    private static List<String> names() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "no test programs at " + SOURCES.toAbsolutePath()
                + "; run the tests from the emulator/core module directory (as Maven does)");
        List<String> names;
        try (Stream<Path> files = Files.list(SOURCES)) {
            names = files.map(file -> file.getFileName().toString())
                    .filter(file -> file.endsWith(".S") && !file.equals(RUNTIME))
                    .map(file -> file.substring(0, file.length() - ".S".length()))
                    .sorted()
                    .toList();
        }
        assertFalse(names.isEmpty(), "no .S programs in " + SOURCES.toAbsolutePath());
        return names;
    }

    private static Path elf(String name, Target target) {
        return BUILT.computeIfAbsent(target.output().resolve(name + ".elf"), elf -> build(name, target, elf));
    }

    private static Path build(String name, Target target, Path elf) {
        try {
            Files.createDirectories(elf.getParent());
            List<String> command = new ArrayList<>(List.of(COMPILER,
                    "-march=rv64imac_zicsr_zifencei", "-mabi=lp64",
                    "-nostdlib", "-nostartfiles", "-static", "-Wl,--build-id=none",
                    "-T", SOURCES.resolve("link.ld").toString(), "-I", SOURCES.toString(), "-o", elf.toString()));
            command.addAll(target.defines);
            command.addAll(List.of(SOURCES.resolve(RUNTIME).toString(), source(name).toString()));
            HostCommand gcc = HostCommand.run(command, BUILD_TIMEOUT);
            if (gcc.exitCode() != 0) {
                fail(name + " does not build (" + COMPILER + " exit " + gcc.exitCode() + "):\n" + gcc.output());
            }
            return elf;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + name + " into " + elf.toAbsolutePath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + name, e);
        }
    }
}
