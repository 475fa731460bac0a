package org.chariot.cli;

import java.util.concurrent.Callable;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;

/** {@code chariot kit path}: where the guest kit is (its vmlinux, Image, and the module build Makefile). */
@Command(name = "kit", mixinStandardHelpOptions = true, description = "The bundled guest kit.",
        subcommands = KitCommand.Path.class)
final class KitCommand {

    @Command(name = "path", mixinStandardHelpOptions = true,
            description = {"Prints the guest kit's directory, building the kit first if needed.",
                "Build a driver with: make -C \"$(./chariot kit path)\" M=$PWD modules"})
    static final class Path implements Callable<Integer> {

        @Override
        public Integer call() {
            Reporter reporter = Reporter.standard();
            try {
                System.out.println(new HostSetup(reporter).ensure(HostSetup.runPackages()).directory());
                return ExitStatus.OK.code();
            } catch (GuestToolException e) {
                reporter.error(e.getMessage(), e.details());
                return ExitStatus.USAGE.code();
            }
        }
    }
}
