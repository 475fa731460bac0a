package org.chariot.core.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chariot command that performs a launch: {@code chariot run DRIVER [--param k=v]... [--module M] [--exercise P
 * [--exercise-arg A]...] [--policy P] [--check reads] [--isolate DRIVER]... [--kunit | --kunit-filter F] [--coverage FILE]
 * [--kernel-arg A]... [--device FILE]... [--gpio G]... --memory M --timeout S --machine ours|qemu --json FILE}.
 * --module is written only when the configuration names a module, --policy only when it is
 * not the default, --check reads only on our machine (QEMU runs no isolation).
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
		if (settings.checkReads() && settings.machine() == GuestMachine.OURS) {
			command.addAll(List.of("--check", "reads"));
		}
		settings.otherIsolatedModules().forEach(module -> command.addAll(List.of("--isolate", module)));
		if (!settings.kunitFilter().isEmpty()) {
			command.addAll(List.of("--kunit-filter", settings.kunitFilter()));
		} else if (settings.kunit()) {
			command.add("--kunit");
		}
		if (settings.coverage()) {
			command.addAll(List.of("--coverage", coverageFile(eventFile).toString()));
		}
		settings.kernelArguments().forEach(argument -> command.addAll(List.of("--kernel-arg", argument)));
		settings.deviceFiles().forEach(file -> command.addAll(List.of("--device", file.toString())));
		settings.gpioInputs().forEach(input -> command.addAll(List.of("--gpio", input)));
		command.addAll(List.of("--memory", Integer.toString(settings.guestMemoryMiB()), //
				"--timeout", Integer.toString(settings.timeoutSeconds()), //
				"--machine", settings.machine().option(), //
				"--json", eventFile.toString()));
		return List.copyOf(command);
	}

	/** Where a run's coverage goes: beside its event file, as an lcov tracefile. */
	public static Path coverageFile(Path eventFile) {
		return eventFile.resolveSibling(eventFile.getFileName().toString().replaceFirst("\\.jsonl$", "") + ".info");
	}

	/**
	 * The command of a debug launch: the halt policy, so that the debugger sees an illegal store before it lands, and
	 * the GDB stub on a free loopback port with the guest frozen until the debugger lets it run.
	 */
	public static List<String> forDebugging(ChariotInstallation chariot, LaunchSettings settings, Path eventFile) {
		List<String> command = new ArrayList<>(build(chariot, settings.withPolicy(IsolationPolicy.HALT), eventFile));
		command.addAll(List.of("--gdb", "0", "--wait-gdb"));
		return List.copyOf(command);
	}
}
