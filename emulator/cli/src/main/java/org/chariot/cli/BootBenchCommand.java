package org.chariot.cli;

import java.util.concurrent.Callable;
import org.chariot.emulator.guest.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chariot bench boot}: the same whole {@code chariot run} on our machine and on QEMU, side by side. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Runs ./chariot run on the character-device example with its exercise (not isolated), with "
            + "--machine ours and --machine qemu alternating, each a whole process as a user runs it, ours with "
            + "--no-snapshot so that both boot, and prints the median wall times, the guest kernel's time and the "
            + "ratios ours/QEMU.")
final class BootBenchCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench;

    @Override
    public Integer call() {
        return BenchOptions.run((reporter, setup) -> {
            setup.ensure(HostSetup.runPackages());
            Installation installation = setup.installation();
            String example = installation.examples().resolve("chardev").toString();
            String exercise = installation.examples().resolve("chardev/exercise.c").toString();
            SideBySide sides = new SideBySide(
                    new SideBySide.Side("ours", SideBySide.chariot(installation, "run", example, "--exercise", exercise,
                            "--no-isolate", "--machine", "ours", "--no-snapshot")),
                    new SideBySide.Side("qemu", SideBySide.chariot(installation, "run", example, "--exercise", exercise,
                            "--no-isolate", "--machine", "qemu")));
            sides.measure(bench, reporter, "boot");
            bench.writeJson(sides.report("boot", "chardev example with its exercise, boot to power-off", bench.runs),
                    reporter);
        });
    }
}
