package org.chariot.emulator.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small fault-injection campaign on the chardev example, in the real guest on our machine. */
class InjectionCampaignTest {

    /** Kinds whose wild write is, by construction, made by the mutated line itself. */
    private static final Set<MutationKind> WRITE_ON_MUTATED_LINE = Set.of(MutationKind.STORE_DESTINATION,
            MutationKind.OFF_BY_ONE, MutationKind.EARLY_FREE);

    @TempDir
    Path work;

    @Test
    void everyWildWriteOfASmallCampaignIsDetectedAtItsLineAndContained() throws Exception {
        String kitDirectory = System.getProperty("chariot.kit", "");
        assumeTrue(!kitDirectory.isBlank() && !kitDirectory.startsWith("${"),
                "no guest kit given: ./chariot test builds it and passes -Dchariot.kit");
        Path chardev = exampleDrivers().resolve("chardev");
        InjectionCampaign campaign = new InjectionCampaign(GuestKit.open(Path.of(kitDirectory)), chardev,
                chardev.resolve("exercise.c"), List.of(), Duration.ofSeconds(60), work, new CampaignProgress() {
                    @Override
                    public void stage(String message) {
                    }

                    @Override
                    public void trial(int number, int of, TrialOutcome outcome) {
                    }

                    @Override
                    public void unbuilt(Mutation mutation, String why) {
                    }
                });

        CampaignReport report = campaign.run(6, 3);

        assertTrue(report.baselineClean(), "the unmutated driver: no violation either way, and a healthy kernel");
        assertEquals(6, report.injected() + report.unbuilt().size());
        assertTrue(report.detected() <= report.manifested() && report.manifested() <= report.injected(),
                report.toJson()::toJson);
        assertTrue(report.detected() > 0, "the sample has mutants that write wild: " + report.toJson().toJson());
        assertEquals(report.manifested(), report.detected(), "isolation reports every wild write: "
                + report.toJson().toJson());
        assertEquals(report.manifested(), report.contained(), "and the kernel survives each: "
                + report.toJson().toJson());
        assertEquals(0, report.falseAlarms(), report.toJson()::toJson);
        for (TrialOutcome trial : report.trials()) {
            if (trial.detected() && WRITE_ON_MUTATED_LINE.contains(trial.mutation().kind())) {
                assertTrue(trial.violationAtMutation().isPresent(),
                        () -> trial.mutation().location() + " detected elsewhere: " + trial.firstViolation().orElseThrow());
            }
        }
    }

    /** The checkout's examples/drivers, also when Maven runs this module on its own. */
    private static Path exampleDrivers() {
        Path configured = Installation.fromEnvironment().examples();
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && !Files.isDirectory(configured);
                dir = dir.getParent()) {
            configured = dir.resolve("examples/drivers");
        }
        return configured;
    }
}
