package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Initramfs;
import org.chariot.emulator.guest.KernelModule;

/** The kernel command line that tells the guest's init what to load and run. */
final class KernelCommandLine {

    /** What every boot of the guest gets, before the run's own words. */
    static final String BASE = "console=ttyS0 earlycon panic=-1";
    private static final String EXERCISE_ARGUMENTS = "chariot.exercise_args";

    private KernelCommandLine() {
    }

    /**
     * @param dependencies modules the drivers need, loaded first in this order
     * @param drivers the modules under test, loaded after them in this order; a parameter without a
     *     module name is for the only one of them
     */
    static String of(List<KernelModule> dependencies, List<KernelModule> drivers, List<String> parameters,
            boolean exercise, List<String> exerciseArguments, List<String> kernelArguments) throws GuestToolException {
        List<String> words = new ArrayList<>(List.of(BASE));
        List<KernelModule> modules = new ArrayList<>(dependencies);
        modules.addAll(drivers);
        if (!modules.isEmpty()) {
            words.add("chariot.modules=" + String.join(",", modules.stream().map(KernelModule::name).toList()));
        }
        for (String parameter : parameters) {
            words.add(qualified(parameter, modules, drivers));
        }
        if (exercise) {
            words.add("chariot.exercise=" + Initramfs.EXERCISE_PATH);
            if (!exerciseArguments.isEmpty()) {
                words.add(quoted(EXERCISE_ARGUMENTS, String.join(",", exerciseArguments)));
            }
        }
        words.addAll(kernelArguments);
        return String.join(" ", words);
    }

    /** What is wrong with the form of a module parameter, whatever the modules: empty if nothing. */
    static Optional<String> formProblem(String parameter) {
        int equals = parameter.indexOf('=');
        if (equals <= 0) {
            return Optional.of("module parameter '" + parameter + "' is not of the form name=value");
        }
        return quoteProblem(parameter.substring(0, equals), parameter.substring(equals + 1));
    }

    /** What is wrong with an argument of the exercise program: empty if nothing. */
    static Optional<String> exerciseArgumentProblem(String argument) {
        return quoteProblem(EXERCISE_ARGUMENTS, argument);
    }

    /** {@code name=value} names the only driver's parameter; {@code module.name=value} any loaded module's. */
    private static String qualified(String parameter, List<KernelModule> modules, List<KernelModule> drivers)
            throws GuestToolException {
        Optional<String> problem = formProblem(parameter);
        if (problem.isPresent()) {
            throw new GuestToolException(problem.get());
        }
        int equals = parameter.indexOf('=');
        String key = parameter.substring(0, equals);
        String value = parameter.substring(equals + 1);
        if (key.contains(".")) {
            String module = key.substring(0, key.indexOf('.'));
            if (modules.stream().noneMatch(m -> m.name().equals(module))) {
                throw new GuestToolException("parameter " + parameter + " names module " + module
                        + ", which this run does not load");
            }
            return quoted(key, value);
        }
        if (drivers.size() != 1) {
            throw new GuestToolException("parameter " + parameter + " does not say which module it is for: with "
                    + drivers.size() + " modules, write module.name=value");
        }
        return quoted(drivers.get(0).name() + "." + key, value);
    }

    private static Optional<String> quoteProblem(String key, String value) {
        return value.contains("\"")
                ? Optional.of("the value of " + key + " contains a double quote, which the kernel command line cannot carry")
                : Optional.empty();
    }

    private static String quoted(String key, String value) throws GuestToolException {
        Optional<String> problem = quoteProblem(key, value);
        if (problem.isPresent()) {
            throw new GuestToolException(problem.get());
        }
        return value.matches("[^\\s]*") ? key + "=" + value : key + "=\"" + value + "\"";
    }
}
