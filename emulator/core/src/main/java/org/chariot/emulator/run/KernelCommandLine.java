package org.chariot.emulator.run;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Initramfs;
import org.chariot.emulator.guest.KernelModule;

/** The kernel command line that tells the guest's init what to load and run. */
final class KernelCommandLine {

    /** What every boot of the guest gets, before the run's own words. */
    static final String BASE = "console=ttyS0 earlycon panic=-1";

    private KernelCommandLine() {
    }

    static String of(List<KernelModule> modules, List<String> parameters, boolean exercise,
            List<String> exerciseArguments, List<String> kernelArguments) throws GuestToolException {
        List<String> words = new ArrayList<>(List.of(BASE));
        if (!modules.isEmpty()) {
            words.add("chariot.modules=" + String.join(",", modules.stream().map(KernelModule::name).toList()));
        }
        for (String parameter : parameters) {
            words.add(qualified(parameter, modules));
        }
        if (exercise) {
            words.add("chariot.exercise=" + Initramfs.EXERCISE_PATH);
            if (!exerciseArguments.isEmpty()) {
                words.add(quoted("chariot.exercise_args", String.join(",", exerciseArguments)));
            }
        }
        words.addAll(kernelArguments);
        return String.join(" ", words);
    }

    /** {@code name=value} names the only module's parameter; {@code module.name=value} any module's. */
    private static String qualified(String parameter, List<KernelModule> modules) throws GuestToolException {
        int equals = parameter.indexOf('=');
        if (equals <= 0) {
            throw new GuestToolException("module parameter '" + parameter + "' is not of the form name=value");
        }
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
        if (modules.size() != 1) {
            throw new GuestToolException("parameter " + parameter + " does not say which module it is for: with "
                    + modules.size() + " modules, write module.name=value");
        }
        return quoted(modules.get(0).name() + "." + key, value);
    }

    private static String quoted(String key, String value) throws GuestToolException {
        if (value.contains("\"")) {
            throw new GuestToolException("the value of " + key + " contains a double quote, which the kernel "
                    + "command line cannot carry");
        }
        return value.matches("[^\\s]*") ? key + "=" + value : key + "=\"" + value + "\"";
    }
}
