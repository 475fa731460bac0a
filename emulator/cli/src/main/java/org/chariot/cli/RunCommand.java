package org.chariot.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code chariot run DRIVER}: build a driver, load it in the guest, exercise it, unload it. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Builds a driver with the guest kit (or takes a .ko), boots the guest, loads it isolated, runs "
            + "the exercise program, unloads it and powers off. Each illegal write of the driver is reported with its "
            + "source line.",
            "Exit status: 0 all steps passed, 1 the driver failed a step, 2 bad input or set-up, 3 guest panic, "
            + "4 time-out, 5 the driver or exercise did not build, 6 the machine failed, 7 every step passed but the "
            + "isolated drivers made illegal writes or frees."})
final class RunCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "DRIVER",
            description = "A driver directory with a Kbuild Makefile, or a .ko file; several load in the order given. "
                + "None: --exercise drives the guest kernel's built-in drivers.")
    List<Path> drivers = new ArrayList<>();

    @Option(names = "--kit-module", paramLabel = "NAME",
            description = "One of the kernel's own modules that come with the kit (./chariot kit modules lists them), "
                + "loaded and isolated before the DRIVERs (repeatable); the kit modules it needs load first, not isolated.")
    List<String> kitModules = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE", converter = Inputs.ModuleParameter.class,
            description = "A module parameter (repeatable); module.name=value when several modules load.")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--module", paramLabel = "NAME",
            description = "Of the modules the DRIVER directories build, load only NAME (as the kernel names it).")
    String module;

    @Option(names = "--isolate", paramLabel = "DRIVER", converter = Inputs.Driver.class,
            description = "Another driver directory or .ko to load after the DRIVERs (repeatable). Every module of the "
                + "run is isolated, each protected from the others.")
    List<Path> otherDrivers = new ArrayList<>();

    @Option(names = "--exercise", paramLabel = "PROGRAM", converter = Inputs.ExistingFile.class,
            description = "A C file (built for the guest with nolibc) or a guest binary, run once the driver is loaded.")
    Path exercise;

    @Option(names = "--exercise-arg", paramLabel = "ARG", converter = Inputs.ExerciseArgument.class, description = "An argument for the exercise program (repeatable).")
    List<String> exerciseArguments = new ArrayList<>();

    @Mixin
    GuestOptions guest;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Checked here, not by a converter: picocli calls an optional positional that fails conversion "unmatched".
        Inputs.Driver driverCheck = new Inputs.Driver();
        for (Path driver : drivers) {
            try {
                driverCheck.convert(driver.toString());
            } catch (TypeConversionException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        if (drivers.isEmpty() && otherDrivers.isEmpty() && kitModules.isEmpty() && exercise == null) {
            throw new ParameterException(spec.commandLine(), "nothing to run: give a DRIVER (a directory or a .ko), "
                    + "--kit-module NAME, or --exercise PROGRAM to exercise the guest kernel's built-in drivers");
        }
        List<Path> all = new ArrayList<>(drivers);
        all.addAll(otherDrivers);
        Optional<String> only = Optional.ofNullable(module);
        return GuestRunner.execute(Reporter.standard(), guest, kitModules, all, only, parameters, exercise,
                exerciseArguments);
    }
}
