package org.chariot.emulator.coverage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Coverage in lcov's tracefile format ({@code .info}, as {@code geninfo} writes it and {@code genhtml},
 * {@code lcov --summary} and CI coverage services read it): per source file its functions
 * ({@code FN}, {@code FNDA}), branches ({@code BRDA}: block, branch 0 taken, branch 1 fell through)
 * and lines ({@code DA}), each list closed by its totals.
 */
public final class LcovWriter {

    private LcovWriter() {
    }

    public static void write(Path file, String testName, CoverageReport report) throws IOException {
        StringBuilder info = new StringBuilder();
        report.modules().forEach((module, files) -> files.forEach(f -> record(info, testName, f)));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, info, StandardCharsets.UTF_8);
    }

    private static void record(StringBuilder info, String testName, FileCoverage file) {
        info.append("TN:").append(testName.replaceAll("[^A-Za-z0-9_]", "_")).append('\n');
        info.append("SF:").append(file.file()).append('\n');
        List<FileCoverage.Function> functions = file.functions();
        functions.forEach(f -> info.append("FN:").append(f.line()).append(',').append(f.name()).append('\n'));
        functions.forEach(f -> info.append("FNDA:").append(f.entered()).append(',').append(f.name()).append('\n'));
        info.append("FNF:").append(functions.size()).append('\n');
        info.append("FNH:").append(file.functionsHit()).append('\n');
        for (FileCoverage.Branch branch : file.branches()) {
            brda(info, branch, 0, branch.taken());
            brda(info, branch, 1, branch.fellThrough());
        }
        info.append("BRF:").append(2L * file.branches().size()).append('\n');
        info.append("BRH:").append(file.branchesHit()).append('\n');
        file.lines().forEach((line, hits) -> info.append("DA:").append(line).append(',').append(hits).append('\n'));
        info.append("LF:").append(file.lines().size()).append('\n');
        info.append("LH:").append(file.linesHit()).append('\n');
        info.append("end_of_record\n");
    }

    private static void brda(StringBuilder info, FileCoverage.Branch branch, int way, int count) {
        info.append("BRDA:").append(branch.line()).append(',').append(branch.block()).append(',').append(way)
                .append(',').append(count).append('\n');
    }
}
