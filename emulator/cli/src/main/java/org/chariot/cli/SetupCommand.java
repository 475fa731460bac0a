package org.chariot.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;

/** {@code chariot setup}: install what is missing and build the guest kit; safe to run again. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Installs the missing Debian packages (as root; otherwise prints the command to run with sudo) "
            + "and builds the guest kit. Does nothing when all is in place.")
final class SetupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Reporter reporter = Reporter.standard();
        try {
            new HostSetup(reporter).ensure(HostSetup.runPackages());
            reporter.stage("setup complete");
            return ExitStatus.OK.code();
        } catch (GuestToolException e) {
            reporter.error(e.getMessage(), e.details());
            return ExitStatus.USAGE.code();
        }
    }
}
