package org.chariot.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code chariot bench}: benchmarks of our machine, each a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (figures, not tests). Against QEMU, whole process both sides: boot (a driver run), "
            + "selftest (the kernel's own self-test modules), compute (a bare-metal loop). In one warm process: "
            + "isolation (a driver workload with isolation off and on).",
        subcommands = {BootBenchCommand.class, SelfTestBenchCommand.class, ComputeBenchCommand.class,
            IsolationBenchCommand.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a benchmark: chariot bench boot, selftest, compute "
                + "or isolation");
    }
}
