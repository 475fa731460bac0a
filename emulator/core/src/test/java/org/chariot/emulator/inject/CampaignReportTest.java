package org.chariot.emulator.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationKind;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.RunResult;
import org.junit.jupiter.api.Test;

/** How a campaign counts its trials, from what the two runs of each mutant showed. */
class CampaignReportTest {

    private static final Mutation STORE = new Mutation("chardev.c", 98, MutationKind.STORE_DESTINATION,
            "\topen_file->bytes_written += count;", "\t(open_file + 1)->bytes_written += count;");
    private static final Mutation SHORT_ALLOCATION = new Mutation("chardev.c", 42, MutationKind.ALLOCATION_SIZE,
            "\tp = kzalloc(16, GFP_KERNEL);", "\tp = kzalloc((16) - 1, GFP_KERNEL);");
    private static final List<String> HEALTHY = List.of("@chariot exercise start /chariot/exercise",
            GuestObservation.CANARY_HEALTHY, "@chariot exercise exit 0", "@chariot done 0");
    private static final List<String> SLAB_DAMAGE = List.of("@chariot exercise start /chariot/exercise",
            GuestObservation.CANARY_HEALTHY,
            "[    2.47] BUG kmalloc-16 (Tainted: G           O      ): Right Redzone overwritten", "@chariot done 0");

    private static Violation violationAt(int line, Frame allocationSite) {
        Grant alloc = allocationSite == null ? null
                : new Grant(0x1000, 0x100f, Grant.Kind.ALLOCATION, "kmalloc_trace(15)", allocationSite);
        return new Violation(1, "chardev", 0x2000, "sd a5,8(s3)", 0x1008, 8, new byte[8], new byte[8],
                ViolationKind.HEAP_OVERFLOW, "past the end", alloc, List.of(),
                new Frame(0x2000, "chardev_write", "/tmp/run-1/driver/chardev.c", line), "blocked");
    }

    private static GuestObservation run(List<Violation> violations, List<String> console) {
        return new GuestObservation(new RunResult(violations.isEmpty() ? ExitStatus.OK : ExitStatus.VIOLATIONS, "",
                List.of()), violations, console);
    }

    /** A mutant whose unprotected run showed {@code unprotectedConsole} (no monitor: no violations). */
    private static TrialOutcome trial(Mutation mutation, List<String> unprotectedConsole, List<Violation> isolated,
            List<String> isolatedConsole) {
        return new TrialOutcome(mutation, run(List.of(), unprotectedConsole), run(isolated, isolatedConsole));
    }

    private static CampaignReport report(TrialOutcome... trials) {
        TrialOutcome clean = trial(null, HEALTHY, List.of(), HEALTHY);
        return new CampaignReport("chardev", 1, clean, List.of(trials), List.of());
    }

    @Test
    void slabDamageUnprotectedBlockedWithTheKernelHealthyIsManifestedDetectedAndContained() {
        TrialOutcome trial = trial(STORE, SLAB_DAMAGE, List.of(violationAt(98, null)), HEALTHY);
        CampaignReport report = report(trial);
        assertEquals(List.of(1, 1, 1, 1, 0, 0), List.of(report.injected(), report.manifested(), report.detected(),
                report.contained(), report.crashed(), report.falseAlarms()));
        assertTrue(trial.violationAtMutation().isPresent());
    }

    @Test
    void aViolationOfAMutantWhoseUnprotectedRunDidNoHarmIsReportedWithoutDamageNotAFalseAlarm() {
        CampaignReport report = report(trial(STORE, HEALTHY, List.of(violationAt(98, null)), HEALTHY));
        assertEquals(List.of(0, 0, 1, 0), List.of(report.manifested(), report.detected(),
                report.reportedWithoutDamage(), report.falseAlarms()));
    }

    @Test
    void aMutantThatCrashedTheKernelUnprotectedButIsolationDidNotReportIsManifestedButNotDetected() {
        List<String> oops = List.of("@chariot exercise start /chariot/exercise",
                "[    2.1] Unable to handle kernel paging request at virtual address 0000000000000008");
        CampaignReport report = report(trial(STORE, oops, List.of(), oops));
        assertEquals(List.of(1, 0, 0, 1, 1), List.of(report.manifested(), report.detected(), report.contained(),
                report.crashed(), report.crashedUnprotected()));
    }

    @Test
    void aCanaryThatDidNotPassUnprotectedIsDamage() {
        List<String> noCanary = List.of("@chariot exercise start /chariot/exercise", "@chariot exercise exit 0",
                "@chariot done 0");
        assertEquals(1, report(trial(STORE, noCanary, List.of(violationAt(98, null)), HEALTHY)).detected());
    }

    @Test
    void slabDamageFoundByTheKernelUnderIsolationIsNotContained() {
        CampaignReport report = report(trial(STORE, SLAB_DAMAGE, List.of(violationAt(98, null)), SLAB_DAMAGE));
        assertEquals(List.of(1, 0), List.of(report.detected(), report.contained()));
    }

    @Test
    void anOopsIsACrashAndNoCanaryAfterTheExerciseIsNotHealthy() {
        List<String> oops = List.of("@chariot exercise start /chariot/exercise",
                "[    2.1] Unable to handle kernel paging request at virtual address 0000000000000008");
        assertTrue(run(List.of(), oops).crashed());
        assertFalse(run(List.of(), oops).kernelHealthy());
        assertTrue(run(List.of(), List.of("@chariot load chardev error 12 ENOMEM", "@chariot done 1")).kernelHealthy(),
                "a driver that did not load runs no exercise, so no canary is expected");
    }

    @Test
    void anOverrunOfAShortenedAllocationPointsAtTheAllocationsLine() {
        Violation overrun = violationAt(98, new Frame(0x3000, "chardev_open", "/tmp/run-1/driver/chardev.c", 42));
        assertTrue(SHORT_ALLOCATION.pointedAtBy(overrun));
        assertFalse(SHORT_ALLOCATION.pointedAtBy(violationAt(98, null)));
    }

    @Test
    void aBaselineViolationIsAFalseAlarmAndMakesTheCampaignUnsound() {
        TrialOutcome noisy = trial(null, HEALTHY, List.of(violationAt(98, null)), HEALTHY);
        CampaignReport report = new CampaignReport("chardev", 1, noisy, List.of(), List.of());
        assertEquals(1, report.falseAlarms());
        assertFalse(report.baselineClean());
    }

    @Test
    void aBaselineThatDamagesTheKernelUnprotectedMakesTheCampaignUnsound() {
        TrialOutcome damaging = trial(null, SLAB_DAMAGE, List.of(), HEALTHY);
        assertFalse(new CampaignReport("chardev", 1, damaging, List.of(), List.of()).baselineClean());
    }
}
