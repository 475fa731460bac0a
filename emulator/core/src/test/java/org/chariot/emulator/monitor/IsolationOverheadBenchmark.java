package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.junit.jupiter.api.Test;

/**
 * What isolation costs: boot plus the chardev exercise on our machine, with the chardev module
 * isolated and not, alternately, printing wall time and instructions of each run and the median
 * ratio. A benchmark, not a timing assertion; run it with {@code -Dchariot.bench=3} (the rounds).
 */
class IsolationOverheadBenchmark {

    @Test
    void chardevExerciseWithAndWithoutIsolation() throws Exception {
        int rounds = Integer.getInteger("chariot.bench", 0);
        assumeTrue(rounds > 0, "a benchmark: give -Dchariot.bench=<rounds> to run it");
        GuestKit kit = IsolatedRun.kit();
        List<Long> plain = new ArrayList<>();
        List<Long> isolated = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            plain.add(measure(kit, null, round));
            isolated.add(measure(kit, Policy.BLOCK, round));
        }
        double ratio = (double) median(isolated) / median(plain);
        System.out.printf("isolation overhead, boot + chardev exercise: median %d ms plain, %d ms isolated, ratio %.3f%n",
                median(plain), median(isolated), ratio);
    }

    private static long measure(GuestKit kit, Policy policy, int round) throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, "chardev", "exercise.c", policy, List.of());
        assertTrue(outcome.result().succeeded(), outcome.result().message());
        assertEquals(List.of(), outcome.violations());
        System.out.printf("round %d, %s: %d ms, %d instructions%n", round, policy == null ? "plain" : "isolated",
                outcome.millis(), outcome.instructions());
        return outcome.millis();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
