package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.guest.ExternalCommand;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.HostPackages;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.guest.KitBuild;

/** Installs the missing host packages (as root) and builds the guest kit: what every command needs first. */
final class HostSetup {

    private final Installation installation = Installation.fromEnvironment();
    private final Reporter reporter;

    HostSetup(Reporter reporter) {
        this.reporter = reporter;
    }

    Installation installation() {
        return installation;
    }

    /** Ensures the packages are there and the kit is built; returns the kit. */
    GuestKit ensure(List<String> packages) throws GuestToolException {
        SetupRecord record = new SetupRecord(installation, packages);
        Optional<GuestKit> known = record.kit();
        if (known.isPresent()) {
            reporter.stage("guest kit: " + known.get().directory());
            return known.get();
        }
        installPackages(packages);
        reporter.stage("guest kit: checking (a first build compiles Linux: minutes)");
        GuestKit kit = new KitBuild(installation, line -> reporter.stage("guest kit: " + line)).ensureBuilt();
        reporter.stage("guest kit: " + kit.directory());
        try {
            record.save(kit);
        } catch (IOException e) {
            reporter.stage("could not record the set-up in " + record.file() + " (" + e.getMessage()
                    + "); the next command checks again");
        }
        return kit;
    }

    private void installPackages(List<String> packages) throws GuestToolException {
        List<String> missing = HostPackages.missing(packages);
        if (missing.isEmpty()) {
            return;
        }
        List<String> install = HostPackages.installCommand(missing);
        if (!runningAsRoot()) {
            throw new GuestToolException("these Debian packages are missing: " + String.join(" ", missing)
                    + ". Install them with: sudo " + String.join(" ", install) + " — then run this command again.");
        }
        reporter.stage("installing Debian packages: " + String.join(" ", missing));
        runAsRoot(List.of("apt-get", "update", "-qq"));
        runAsRoot(install);
    }

    private static boolean runningAsRoot() throws GuestToolException {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException e) {
            throw new GuestToolException("cannot tell which user this is: " + e.getMessage(), e);
        }
    }

    private void runAsRoot(List<String> command) throws GuestToolException {
        ExternalCommand.Result result = new ExternalCommand(command).env("DEBIAN_FRONTEND", "noninteractive").run();
        if (!result.succeeded()) {
            throw new GuestToolException(String.join(" ", command) + " failed (exit " + result.exitCode() + ")",
                    result.tail(15));
        }
    }

    /** The packages for running drivers: the kit's and the reference machine's. */
    static List<String> runPackages() {
        List<String> all = new ArrayList<>(HostPackages.KIT);
        all.addAll(HostPackages.REFERENCE_MACHINE);
        return all;
    }
}
