package org.chariot.core.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chariot command that performs a launch: {@code chariot run DRIVER [--param k=v]... [--exercise P] --timeout S
 * --machine M --json FILE}. Options the user left at their defaults are not written, so that the command stays short
 * and works with a CLI that does not know them yet (policy, isolate, module, memory, kernel arguments).
 */
public final class ChariotCommandLine {

	private ChariotCommandLine() {
	}

	public static List<String> build(ChariotInstallation chariot, LaunchSettings settings, Path eventFile) {
		List<String> command = new ArrayList<>(List.of(chariot.script().toString(), "run", settings.driver().toString()));
		settings.moduleParameters().forEach(parameter -> command.addAll(List.of("--param", parameter)));
		if (!settings.moduleName().isEmpty()) {
			command.addAll(List.of("--module", settings.moduleName()));
		}
		if (!settings.exercise().isEmpty()) {
			command.addAll(List.of("--exercise", settings.exercise()));
			settings.exerciseArguments().forEach(argument -> command.addAll(List.of("--exercise-arg", argument)));
		}
		if (settings.policy() != IsolationPolicy.BLOCK) {
			command.addAll(List.of("--policy", settings.policy().option()));
		}
		settings.otherIsolatedModules().forEach(module -> command.addAll(List.of("--isolate", module)));
		if (settings.guestMemoryMiB() != ILaunchAttributes.DEFAULT_GUEST_MEMORY_MIB) {
			command.addAll(List.of("--memory", Integer.toString(settings.guestMemoryMiB())));
		}
		if (!settings.kernelArguments().isEmpty()) {
			command.addAll(List.of("--kernel-args", settings.kernelArguments()));
		}
		command.addAll(List.of("--timeout", Integer.toString(settings.timeoutSeconds()), //
				"--machine", settings.machine().option(), //
				"--json", eventFile.toString()));
		return List.copyOf(command);
	}
}
