package org.chariot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code chariot bench selftest}: the kernel's own self-test modules as workloads, our machine against QEMU. */
@Command(name = "selftest", mixinStandardHelpOptions = true,
        description = "Builds kernel self-test modules (lib/test_*.c of the kit's Linux source) out of tree and runs "
            + "each with ./chariot run --no-isolate on our machine and on QEMU, alternating, each a whole process: "
            + "median wall times, the guest kernel's time, and the ratios ours/QEMU.")
final class SelfTestBenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "TEST", defaultValue = "test_xarray,test_rhashtable", split = ",",
            description = "Self-tests to run, by file name without .c (default: ${DEFAULT-VALUE}).")
    List<String> tests;

    @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", converter = Ranges.TimeoutSeconds.class,
            description = "Time limit of one guest run (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Mixin
    BenchOptions bench;

    @Override
    public Integer call() {
        return BenchOptions.run((reporter, setup) -> {
            GuestKit kit = setup.ensure(HostSetup.runPackages());
            Installation installation = setup.installation();
            List<JsonObject> results = new ArrayList<>();
            for (String test : tests) {
                Path directory = SelfTestModule.directory(installation, kit, test);
                SideBySide sides = new SideBySide(side(installation, directory, "ours"),
                        side(installation, directory, "qemu"));
                sides.measure(bench, reporter, test);
                results.add(sides.report(test, "lib/" + test + ".c as a module, not isolated", bench.runs));
            }
            bench.writeJson(new JsonObject().put("benchmark", "selftest").putObjects("workloads", results), reporter);
        });
    }

    private SideBySide.Side side(Installation installation, Path directory, String machine) {
        return new SideBySide.Side(machine, SideBySide.chariot(installation, "run", directory.toString(),
                "--no-isolate", "--machine", machine, "--timeout", Long.toString(timeoutSeconds)));
    }
}
