package org.chariot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.run.QemuMachine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chariot bench compute}: a bare-metal integer loop, {@code chariot elf} against QEMU's spike machine. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Runs an 800 M-instruction bare-metal loop with ./chariot elf and with qemu-system-riscv64 -M "
            + "spike, alternating, each a whole process: median wall times and the ratio ours/QEMU.")
final class ComputeBenchCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench;

    @Override
    public Integer call() {
        return BenchOptions.run((reporter, setup) -> {
            setup.ensure(HostSetup.runPackages());
            Installation installation = setup.installation();
            Path elf = ComputeLoop.build(installation);
            SideBySide sides = new SideBySide(
                    new SideBySide.Side("ours", SideBySide.chariot(installation, "elf", elf.toString())),
                    new SideBySide.Side("qemu", List.of(QemuMachine.QEMU, "-M", "spike", "-bios", "none", "-kernel",
                            elf.toString(), "-nographic", "-monitor", "none", "-serial", "none")));
            sides.measure(bench, reporter, "compute");
            bench.writeJson(sides.report("compute", "compute loop (800 M instructions, bare metal)", bench.runs),
                    reporter);
        });
    }
}
