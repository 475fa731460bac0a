package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.run.ExitStatus;
import org.chariot.emulator.run.OwnMachine;
import org.chariot.emulator.run.QemuMachine;
import org.chariot.emulator.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chariot bench boot}: the same guest run on our machine and on QEMU, side by side. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Runs the character-device example with its exercise on our machine and on QEMU, alternating, "
            + "and prints the median wall time of each boot-to-power-off, the ratio ours/QEMU and our guest "
            + "instruction rate.")
final class BootBenchCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench;

    @Override
    public Integer call() {
        Reporter reporter = Reporter.standard();
        HostSetup setup = new HostSetup(reporter);
        try {
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            Path example = setup.installation().examples().resolve("chardev");
            RunRequest request = new RunRequest(List.of(example), List.of(), example.resolve("exercise.c"), List.of(),
                    List.of(), 128, Duration.ofSeconds(300));
            TimedMachine ours = new TimedMachine(new OwnMachine());
            TimedMachine qemu = new TimedMachine(new QemuMachine());
            for (int i = -bench.warmup; i < bench.runs; i++) {
                bench.timeOnlyAfterWarmUp(i, ours, qemu);
                for (TimedMachine machine : List.of(ours, qemu)) {
                    BenchRun.run(kit, machine, setup.installation().runsDirectory(), request);
                }
                reporter.stage("bench boot: " + (i < 0 ? "warm-up run" : "run " + (i + 1) + " of " + bench.runs)
                        + " on each machine done");
            }
            double mips = ours.medianInstructions() / 1e6 / ours.medianSeconds();
            double ratio = ours.medianSeconds() / qemu.medianSeconds();
            System.out.printf("guest: chardev example with its exercise, boot to power-off, %d runs each%n", bench.runs);
            System.out.printf("%s  %.1f M guest instructions  %.1f MIPS%n", ours.timesLine("ours"),
                    ours.medianInstructions() / 1e6, mips);
            System.out.println(qemu.timesLine("qemu"));
            System.out.printf("ratio ours/qemu (median wall time): %.1fx%n", ratio);
            System.out.println("boot to the init's first line (@chariot boot):");
            System.out.println(ours.initTimesLine("ours"));
            System.out.println(qemu.initTimesLine("qemu"));
            bench.writeJson(new JsonObject().put("benchmark", "boot").put("runs", bench.runs)
                    .put("ours_median_s", ours.medianSeconds()).put("qemu_median_s", qemu.medianSeconds())
                    .put("ratio", ratio).put("ours_mips", mips)
                    .put("ours_init_median_s", ours.medianSecondsToInit())
                    .put("qemu_init_median_s", qemu.medianSecondsToInit())
                    .put("ours_instructions", (long) ours.medianInstructions()), reporter);
            return ExitStatus.OK.code();
        } catch (BenchRun.Failed e) {
            return e.report(reporter);
        } catch (GuestToolException | IOException e) {
            return Failures.report(reporter, e);
        }
    }
}
