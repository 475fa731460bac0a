package org.chariot.cli;

import java.util.concurrent.Callable;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.KitModules;
import org.chariot.emulator.guest.ModuleInfo;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;

/** {@code chariot kit path|modules}: where the guest kit is (its vmlinux, Image, the module build Makefile), its modules. */
@Command(name = "kit", mixinStandardHelpOptions = true, description = "The bundled guest kit.",
        subcommands = {KitCommand.Path.class, KitCommand.Modules.class})
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

    @Command(name = "modules", mixinStandardHelpOptions = true,
            description = {"Lists the kernel's own modules that come with the kit, each with its description and the "
                + "kit modules it needs.",
                "Run one isolated with: ./chariot run --kit-module NAME [--exercise prog.c]"})
    static final class Modules implements Callable<Integer> {

        @Override
        public Integer call() {
            Reporter reporter = Reporter.standard();
            try {
                KitModules modules = new HostSetup(reporter).ensure(HostSetup.runPackages()).modules();
                for (String name : modules.names()) {
                    ModuleInfo info = modules.module(name).info();
                    String needs = info.dependencies().isEmpty() ? ""
                            : "  (needs " + String.join(", ", info.dependencies()) + ")";
                    System.out.printf("%-24s %s%s%n", name, info.description(), needs);
                }
                return ExitStatus.OK.code();
            } catch (GuestToolException e) {
                reporter.error(e.getMessage(), e.details());
                return ExitStatus.USAGE.code();
            }
        }
    }
}
