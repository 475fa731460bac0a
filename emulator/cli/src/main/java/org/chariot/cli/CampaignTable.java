package org.chariot.cli;

import java.io.PrintStream;
import org.chariot.emulator.inject.CampaignReport;
import org.chariot.emulator.inject.TrialOutcome;

/** The campaign as a table: a row per mutant, then the totals. */
final class CampaignTable {

    private static final String ROW = "%-3s %-14s %-22s %-4s %-4s %-4s %-5s %-5s %-34s %s%n";

    private final PrintStream out;

    CampaignTable(PrintStream out) {
        this.out = out;
    }

    static String verdict(TrialOutcome trial) {
        return (trial.manifested() ? "manifested" : "no damage unprotected")
                + (trial.detected() ? ", detected" : "")
                + (trial.reportedWithoutDamage() ? ", reported" : "")
                + (trial.contained() ? ", contained" : ", kernel not healthy")
                + (trial.crashed() ? ", CRASHED" : "");
    }

    void print(CampaignReport report) {
        out.println("dmg: the unprotected run damaged the kernel (an oops, a hang, SLUB's checks or the canary saw it); "
                + "det, cont, crash: under isolation (block); unpr.: the unprotected run crashed");
        out.printf(ROW, "#", "mutated line", "fault", "dmg", "det", "cont", "crash", "unpr.",
                "first isolated violation", "change");
        int number = 1;
        for (TrialOutcome trial : report.trials()) {
            out.printf(ROW, Integer.toString(number++),
                    trial.mutation().location(), trial.mutation().kind().label(), yes(trial.manifested()),
                    yes(trial.detected()), yes(trial.contained()), yes(trial.crashed()),
                    yes(trial.unprotected().crashed()), trial.firstViolation().orElse("-"), trial.mutation().change());
        }
        out.printf("%ndriver %s, seed %d: %d injected (%d did not compile), %d manifested, %d detected (%s of "
                + "manifested), %d contained (%s of manifested; %d of them with the exercise passing too), "
                + "%d crashed under isolation (%d unprotected), %d reported without damage unprotected, "
                + "%d false alarms (violations of the unmutated driver); unmutated driver %s%n",
                report.driver(), report.seed(), report.injected(), report.unbuilt().size(), report.manifested(),
                report.detected(), percent(report.detected(), report.manifested()), report.contained(),
                percent(report.contained(), report.manifested()), report.containedWithExercisePassing(),
                report.crashed(), report.crashedUnprotected(), report.reportedWithoutDamage(), report.falseAlarms(),
                report.baselineClean() ? "clean" : "NOT clean");
    }

    private static String yes(boolean value) {
        return value ? "yes" : "-";
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "n/a" : Math.round(100.0 * part / whole) + " %";
    }
}
