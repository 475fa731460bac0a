package org.chariot.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.run.GuestTime;

/**
 * A whole-process comparison: each side is a command run as a fresh process, the sides alternating,
 * timed from start to exit; so our side pays for its launcher and JVM start exactly as a user does.
 * Where the guest kernel prints, its clock at the last line is the guest time, free of both
 * machines' start-up.
 */
final class SideBySide {

    /** One side: a label and the command that runs the workload on it. */
    record Side(String label, List<String> command) {
    }

    private final Side ours;
    private final Side reference;
    private final Samples[] wall = {new Samples(), new Samples()};
    private final Samples[] guest = {new Samples(), new Samples()};

    /** The command a user types: the checkout's {@code chariot} launcher with {@code arguments}. */
    static List<String> chariot(Installation installation, String... arguments) {
        List<String> command = new ArrayList<>(List.of(installation.root().resolve("chariot").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    SideBySide(Side ours, Side reference) {
        this.ours = ours;
        this.reference = reference;
    }

    /** Runs each side {@code warmup} untimed times, then {@code runs} timed times, alternating; every run must exit 0. */
    void measure(BenchOptions bench, Reporter reporter, String name) throws GuestToolException {
        for (int i = -bench.warmup; i < bench.runs; i++) {
            List<Side> sides = List.of(ours, reference);
            for (int s = 0; s < sides.size(); s++) {
                runOnce(sides.get(s), i >= 0 ? s : -1);
            }
            reporter.stage("bench " + name + ": " + (i < 0 ? "warm-up run" : "run " + (i + 1) + " of " + bench.runs)
                    + " on each side done");
        }
    }

    private void runOnce(Side side, int slot) throws GuestToolException {
        Path output;
        try {
            output = Files.createTempFile("chariot-bench", ".out");
        } catch (IOException e) {
            throw new GuestToolException("cannot create a temporary file for the benchmark: " + e.getMessage(), e);
        }
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(side.command()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            int code = process.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (code != 0) {
                throw new GuestToolException(side.label() + ": " + String.join(" ", side.command()) + " exited with "
                        + code + "; a failed run measures nothing. Its last lines:",
                        lines.subList(Math.max(0, lines.size() - 15), lines.size()));
            }
            if (slot >= 0) {
                wall[slot].add(seconds);
                lastKernelTime(lines).ifPresent(nanos -> guest[slot].add(nanos / 1e9));
            }
        } catch (IOException e) {
            throw new GuestToolException("cannot run " + side.command().get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestToolException("interrupted while the benchmark ran", e);
        } finally {
            output.toFile().delete();
        }
    }

    private static OptionalLong lastKernelTime(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            OptionalLong time = GuestTime.of(lines.get(i));
            if (time.isPresent()) {
                return time;
            }
        }
        return OptionalLong.empty();
    }

    /** Prints both sides' medians and the ratios ours/reference, headed by {@code workload}; returns them as JSON. */
    JsonObject report(String name, String workload, int runs) {
        System.out.printf("%s, %d runs each side; whole process both sides (%s: %s; %s: %s)%n", workload, runs,
                ours.label(), String.join(" ", ours.command()), reference.label(), String.join(" ", reference.command()));
        JsonObject figures = new JsonObject().put("benchmark", name).put("comparison", "whole process").put("runs", runs);
        List<Side> sides = List.of(ours, reference);
        for (int s = 0; s < sides.size(); s++) {
            String label = sides.get(s).label();
            String guestTime = guest[s].isEmpty() ? ""
                    : String.format("  guest (kernel clock at its last line) median %.3f s", guest[s].median());
            System.out.printf("%-6s median %.3f s  (min %.3f s)%s%n", label, wall[s].median(), wall[s].minimum(),
                    guestTime);
            figures.put(label + "_median_s", wall[s].median());
            if (!guest[s].isEmpty()) {
                figures.put(label + "_guest_median_s", guest[s].median());
            }
        }
        double ratio = wall[0].median() / wall[1].median();
        figures.put("ratio", ratio);
        String guestRatio = "";
        if (!guest[0].isEmpty() && !guest[1].isEmpty()) {
            double ratioOfGuest = guest[0].median() / guest[1].median();
            figures.put("guest_ratio", ratioOfGuest);
            guestRatio = String.format(", guest time %.2fx", ratioOfGuest);
        }
        System.out.printf("ratio %s/%s: whole process %.2fx%s%n", ours.label(), reference.label(), ratio, guestRatio);
        return figures;
    }
}
