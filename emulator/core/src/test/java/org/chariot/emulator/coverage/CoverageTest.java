package org.chariot.emulator.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.hm.hafner.coverage.FileNode;
import edu.hm.hafner.coverage.ModuleNode;
import edu.hm.hafner.coverage.parser.CoberturaParser;
import edu.hm.hafner.util.FilteredLog;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.reports.GuestRuns;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.DriverRun;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.RunRequest;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage of the character-device example under its exercise program, counted from the
 * instructions the emulator ran, read back by real consumers: lcov itself and the Cobertura parser
 * of Jenkins' coverage plug-in. The lines asked about are found by their text in the driver's C.
 */
class CoverageTest {

    @TempDir
    static Path work;

    private static Path source;
    private static List<String> sourceLines;
    private static CoverageReport report;
    private static Path lcov;
    private static Path cobertura;

    @BeforeAll
    static void runTheExercise() throws Exception {
        GuestKit kit = GuestRuns.kit();
        Path chardev = GuestRuns.example("chardev", work);
        source = chardev.resolve("chardev.c");
        sourceLines = Files.readAllLines(source);
        ExecutionCounts counts = new ExecutionCounts();
        RunRequest request = new RunRequest(List.of(chardev), List.of(), chardev.resolve("exercise.c"), List.of(),
                List.of(), 128, null, Duration.ofMinutes(3), Policy.BLOCK);
        RunResult result = new DriverRun(kit, new OwnMachine(Optional.empty(), peripherals -> { }, counts::around), work, counts)
                .run(request);
        assertEquals(ExitStatus.OK, result.status(), result::toString);
        report = CoverageReport.of(counts);
        lcov = work.resolve("coverage.info");
        LcovWriter.write(lcov, "chardev exercise", report);
        cobertura = work.resolve("coverage.xml");
        CoberturaWriter.write(cobertura, report, work, 0);
    }

    /** The number of the only line of chardev.c that contains {@code text}. */
    private static int lineOf(String text) {
        List<Integer> found = Stream.iterate(0, i -> i < sourceLines.size(), i -> i + 1)
                .filter(i -> sourceLines.get(i).contains(text)).map(i -> i + 1).toList();
        assertEquals(1, found.size(), "one line of chardev.c has " + text + ": " + found);
        return found.getFirst();
    }

    private static FileCoverage chardev() {
        List<FileCoverage> files = report.modules().get("chardev");
        assertEquals(List.of(source.toString()), files.stream().map(FileCoverage::file).toList(),
                "the driver's own source only, not the kernel headers inlined into it");
        return files.getFirst();
    }

    @Test
    void theExercisedPathsRanAndTheErrorPathsDidNot() {
        FileCoverage file = chardev();
        assertTrue(file.lines().get(lineOf("buffer.used = max_t(")) > 0, "a write stored data");
        assertTrue(file.lines().get(lineOf("open_file->bytes_read += count;")) > 0, "a read returned data");
        assertEquals(0, file.lines().get(lineOf("result = -ENOSPC;")), "the exercise never fills the buffer");
        assertTrue(file.lines().values().stream().anyMatch(hits -> hits == 0));
    }

    @Test
    void everyFileOperationWasEnteredAndTheReadsTestWentBothWays() {
        FileCoverage file = chardev();
        for (String function : List.of("chardev_init", "chardev_open", "chardev_read", "chardev_write",
                "chardev_release", "chardev_exit")) {
            assertTrue(file.functions().stream().anyMatch(f -> f.name().equals(function) && f.entered() > 0),
                    function + " entered: " + file.functions());
        }
        int endOfData = lineOf("if (*position >= buffer.used)");
        List<FileCoverage.Branch> there = file.branches().stream().filter(b -> b.line() == endOfData).toList();
        assertEquals(1, there.size(), "one conditional branch on the read's end-of-data test: " + file.branches());
        assertEquals(2, there.getFirst().waysHit(), "read data, then read at the end: " + there);
    }

    @Test
    void lcovReadsTheTracefile() throws Exception {
        FileCoverage file = chardev();
        String summary = run("lcov", "--rc", "lcov_branch_coverage=1", "--summary", lcov.toString());
        assertTrue(summary.contains("(" + file.linesHit() + " of " + file.lines().size() + " lines)"), summary);
        assertTrue(summary.contains("(" + file.functionsHit() + " of " + file.functions().size() + " functions)"),
                summary);
        assertTrue(summary.contains("(" + file.branchesHit() + " of " + 2 * file.branches().size() + " branches)"),
                summary);
        run("genhtml", "--branch-coverage", "-q", "-o", work.resolve("html").toString(), lcov.toString());
        assertTrue(Files.isRegularFile(work.resolve("html/index.html")), "genhtml made its report");
    }

    @Test
    void jenkinsCoberturaParserReadsTheSameLines() throws Exception {
        ModuleNode tree;
        try (Reader xml = Files.newBufferedReader(cobertura, StandardCharsets.UTF_8)) {
            FilteredLog log = new FilteredLog("cobertura");
            tree = new CoberturaParser().parse(xml, cobertura.toString(), log);
            assertEquals(List.of(), log.getErrorMessages());
        }
        FileNode file = tree.getAllFileNodes().stream().filter(f -> f.getName().equals("chardev.c")).findFirst()
                .orElseThrow(() -> new AssertionError("no chardev.c in " + tree.getFiles()));
        assertTrue(file.getCoveredLines().contains(lineOf("buffer.used = max_t(")), file.getCoveredLines()::toString);
        assertTrue(file.getMissedLines().contains(lineOf("result = -ENOSPC;")), file.getMissedLines()::toString);
        assertEquals(chardev().linesHit(), file.getCoveredLines().size());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + output);
        return output;
    }
}
