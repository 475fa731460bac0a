package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.junit.jupiter.api.Test;

/**
 * What isolation costs on our machine, with the chardev module isolated and not, alternately:
 * boot plus the chardev exercise (a few calls into the driver), and boot plus a driver-heavy
 * workload ({@code chardev-busy.c}: 3000 rounds of a 512-byte write and read). Prints wall time
 * and instructions of each run and the median ratios. A benchmark, not a timing assertion; run it
 * with {@code -Dchariot.bench=3} (the rounds).
 */
class IsolationOverheadBenchmark {

    @Test
    void chardevWorkloadsWithAndWithoutIsolation() throws Exception {
        int rounds = Integer.getInteger("chariot.bench", 0);
        assumeTrue(rounds > 0, "a benchmark: give -Dchariot.bench=<rounds> to run it");
        GuestKit kit = IsolatedRun.kit();
        compare(kit, "boot + chardev exercise", IsolatedRun.driver("chardev").resolve("exercise.c"), rounds);
        compare(kit, "boot + chardev-busy", Path.of(getClass().getResource("chardev-busy.c").toURI()), rounds);
    }

    private static void compare(GuestKit kit, String workload, Path exercise, int rounds) throws Exception {
        List<Long> plain = new ArrayList<>();
        List<Long> isolated = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            plain.add(measure(kit, workload, exercise, null, round));
            isolated.add(measure(kit, workload, exercise, Policy.BLOCK, round));
        }
        double ratio = (double) median(isolated) / median(plain);
        System.out.printf("isolation overhead, %s: median %d ms plain, %d ms isolated, ratio %.3f%n", workload,
                median(plain), median(isolated), ratio);
    }

    private static long measure(GuestKit kit, String workload, Path exercise, Policy policy, int round)
            throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "chardev", exercise, policy, List.of());
        assertTrue(outcome.result().succeeded(), outcome.result().message() + "\n" + String.join("\n", outcome.console()));
        assertEquals(List.of(), outcome.violations());
        System.out.printf("%s, round %d, %s: %d ms, %d instructions%n", workload, round,
                policy == null ? "plain" : "isolated", outcome.millis(), outcome.instructions());
        return outcome.millis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
