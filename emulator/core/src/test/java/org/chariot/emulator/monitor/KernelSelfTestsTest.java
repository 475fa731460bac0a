package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No false alarm on code nobody here wrote: every self-test module of the kit's kernel ({@code
 * lib/test_*.c} that is not a KUnit suite), built out of tree against the kit with a one-line
 * Kbuild Makefile, runs isolated under {@code block} without a single violation, and its own tests
 * end as they do unprotected. The modules and their unprotected outcomes are cached per kit (they
 * depend only on it) beside the kit cache.
 */
class KernelSelfTestsTest {

    /** A line of the module's own verdict: what "the same outcome" compares (times and addresses vary). */
    private static final Pattern VERDICT = Pattern.compile("(?i)\\b(pass(ed)?|fail(ed|ures?)?|ok|error)\\b");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*[0-9.]+\\]\\s*");
    private static final Pattern TIMING = Pattern.compile("(?i)(time[a-z ]*:?\\s*)\\d+");
    /** test_bpf's per-test line gives each run's nanoseconds after {@code jited:N}. */
    private static final Pattern BPF_TIMES = Pattern.compile("(jited:\\S+)(\\s+\\d+)+");


    private static GuestKit kit;

    @BeforeAll
    static void openKit() throws Exception {
        kit = IsolatedRun.kit();
    }

    /** The kit's self-test modules by name; empty without a kit (the test is then skipped). */
    static Stream<String> selfTests() throws IOException {
        String directory = System.getProperty("chariot.kit", "");
        if (directory.isBlank() || directory.startsWith("${")) {
            return Stream.of("no-kit");
        }
        Path lib = Path.of(directory, "build", "source", "lib");
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(lib)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("test_.*\\.c")).sorted().toList()) {
                String source = Files.readString(file, StandardCharsets.ISO_8859_1);
                if (!source.contains("kunit_test_suite") && !source.contains("KUNIT")) {
                    names.add(file.getFileName().toString().replace(".c", ""));
                }
            }
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selfTests")
    void runsIsolatedWithoutViolationsAndEndsAsUnprotected(String name) throws Exception {
        Path module = builtModule(name);
        Properties baseline = unprotectedOutcome(name, module);
        IsolatedRun.Outcome isolated = IsolatedRun.run(kit, module, null, Policy.BLOCK, List.of());
        assertEquals(List.of(), isolated.violations().stream().map(ViolationReport::format).limit(3).toList(),
                name + ": " + isolated.violations().size() + " violations on correct code");
        assertEquals(baseline.getProperty("status"), isolated.result().status().name(),
                name + " ended otherwise than unprotected: " + isolated.result().message());
        assertEquals(baseline.getProperty("verdict").lines().map(KernelSelfTestsTest::comparable).toList(),
                verdict(isolated.console()).lines().toList(),
                name + "'s own tests ended otherwise than unprotected");
    }

    /** The module built against the kit (cached); a module that cannot build skips its test, saying why. */
    private static Path builtModule(String name) throws IOException {
        assumeTrue(!name.equals("no-kit"), "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        Path directory = corpus().resolve(name);
        Path ko = directory.resolve(name + ".ko");
        Path failure = directory.resolve("build-failure.txt");
        if (!Files.exists(ko) && !Files.exists(failure)) {
            Files.createDirectories(directory);
            Path source = kit.directory().resolve("build/source");
            Files.deleteIfExists(directory.resolve(name + ".c"));
            Files.createSymbolicLink(directory.resolve(name + ".c"), source.resolve("lib/" + name + ".c"));
            // some self-tests include "../tools/testing/selftests/..." relative to lib/
            Files.writeString(directory.resolve("Makefile"), "obj-m := " + name + ".o\nccflags-y := -I"
                    + source.resolve("lib") + "\n");
            try {
                new DriverBuild(kit).build(directory);
            } catch (GuestToolException e) {
                Files.writeString(failure, e.getMessage() + "\n" + String.join("\n", e.details()));
            }
        }
        assumeTrue(Files.exists(ko), () -> name + " does not build against the kit: " + firstError(failure));
        return ko;
    }

    private static String firstError(Path failure) {
        try {
            return Files.readAllLines(failure).stream().filter(l -> l.contains("error") || l.contains("ERROR"))
                    .findFirst().orElse("see " + failure);
        } catch (IOException e) {
            return "see " + failure;
        }
    }

    /** How the module's tests end unprotected on our machine: run once per kit, then read from the cache. */
    private static Properties unprotectedOutcome(String name, Path module) throws IOException {
        Path file = module.resolveSibling("unprotected.properties");
        Properties outcome = new Properties();
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file)) {
                outcome.load(reader);
            }
            return outcome;
        }
        IsolatedRun.Outcome run = IsolatedRun.run(kit, module, null, null, List.of());
        outcome.setProperty("status", run.result().status().name());
        outcome.setProperty("verdict", verdict(run.console()));
        try (var writer = Files.newBufferedWriter(file)) {
            outcome.store(writer, name + " unprotected on our machine");
        }
        return outcome;
    }

    /** The console lines in which the module says how its tests went, without timestamps. */
    private static String verdict(List<String> console) {
        return String.join("\n", console.stream().map(l -> TIMESTAMP.matcher(l).replaceFirst(""))
                .filter(l -> l.startsWith("test_") && VERDICT.matcher(l).find()).map(KernelSelfTestsTest::comparable)
                .toList());
    }

    /**
     * A verdict line without what varies from run to run: times, and KSTM's skips ({@code
     * lib/kselftest_module.h} says "remaining N tests passed" after skips, which follow the host's
     * timing: test_printf skips its hashed-pointer cases until the random pool is ready).
     */
    private static String comparable(String line) {
        return BPF_TIMES.matcher(TIMING.matcher(line).replaceAll("$1#")).replaceAll("$1").replace(": remaining ", ": all ");
    }

    /** Beside the kit cache's {@code kit/}: {@code selftests/<kit key>}, outside any clone. */
    private static Path corpus() {
        Path kits = kit.directory().toAbsolutePath().getParent();
        return kits.resolveSibling("selftests").resolve(kit.directory().getFileName().toString());
    }
}
