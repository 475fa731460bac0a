package org.chariot.core.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.variables.VariablesPlugin;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;

/** What a Chariot Driver launch configuration asks for, read and checked once per launch. */
public record LaunchSettings(Path driver, String moduleName, List<String> moduleParameters, String exercise,
		List<String> exerciseArguments, IsolationPolicy policy, List<String> otherIsolatedModules, int guestMemoryMiB,
		List<String> kernelArguments, int timeoutSeconds, GuestMachine machine, List<Path> deviceFiles,
		List<String> gpioInputs, boolean kunit, String kunitFilter, boolean coverage, boolean checkReads) {

	public static LaunchSettings from(ILaunchConfiguration configuration, IWorkspaceRoot root) throws CoreException {
		return new LaunchSettings(driver(configuration, root), //
				configuration.getAttribute(ILaunchAttributes.MODULE_NAME, "").strip(),
				configuration.getAttribute(ILaunchAttributes.MODULE_PARAMETERS, List.of()),
				substitute(configuration.getAttribute(ILaunchAttributes.EXERCISE, "")).strip(),
				List.of(DebugPlugin.parseArguments(configuration.getAttribute(ILaunchAttributes.EXERCISE_ARGUMENTS, ""))),
				choice(configuration, ILaunchAttributes.POLICY, IsolationPolicy.BLOCK, "Isolation policy (Isolation tab)"),
				configuration.getAttribute(ILaunchAttributes.OTHER_ISOLATED_MODULES, List.of()),
				positive(configuration, ILaunchAttributes.GUEST_MEMORY_MIB, ILaunchAttributes.DEFAULT_GUEST_MEMORY_MIB,
						"guest memory (Guest tab)"),
				List.of(DebugPlugin.parseArguments(configuration.getAttribute(ILaunchAttributes.KERNEL_ARGUMENTS, ""))),
				positive(configuration, ILaunchAttributes.TIMEOUT_SECONDS, ILaunchAttributes.DEFAULT_TIMEOUT_SECONDS,
						"timeout (Guest tab)"),
				choice(configuration, ILaunchAttributes.MACHINE, GuestMachine.OURS, "Machine (Guest tab)"),
				deviceFiles(configuration), configuration.getAttribute(ILaunchAttributes.GPIO_INPUTS, List.of()),
				configuration.getAttribute(ILaunchAttributes.KUNIT, false),
				configuration.getAttribute(ILaunchAttributes.KUNIT_FILTER, "").strip(),
				configuration.getAttribute(ILaunchAttributes.COVERAGE, false),
				configuration.getAttribute(ILaunchAttributes.CHECK_READS, false));
	}

	/** The same settings with another isolation policy. */
	public LaunchSettings withPolicy(IsolationPolicy newPolicy) {
		return new LaunchSettings(driver, moduleName, moduleParameters, exercise, exerciseArguments, newPolicy,
				otherIsolatedModules, guestMemoryMiB, kernelArguments, timeoutSeconds, machine, deviceFiles, gpioInputs,
				kunit, kunitFilter, coverage, checkReads);
	}

	/** The driver's build directory: the driver directory itself, or the directory of a built .ko. */
	public Path buildDirectory() {
		return Files.isDirectory(driver) ? driver : driver.toAbsolutePath().getParent();
	}

	private static Path driver(ILaunchConfiguration configuration, IWorkspaceRoot root) throws CoreException {
		String projectName = configuration.getAttribute(ILaunchAttributes.DRIVER_PROJECT, "").strip();
		if (!projectName.isEmpty()) {
			return withKbuildMakefile(projectLocation(root.getProject(projectName)), "The driver project '"
					+ projectName + "'");
		}
		String directory = substitute(configuration.getAttribute(ILaunchAttributes.DRIVER_DIRECTORY, "")).strip();
		if (directory.isEmpty()) {
			throw LaunchErrors.error("No driver chosen: on the Driver tab, choose the driver's project or directory.");
		}
		Path driver = Path.of(directory);
		if (!Files.exists(driver)) {
			throw LaunchErrors.error("The driver " + driver + " does not exist: on the Driver tab, choose a directory"
					+ " with the driver's Kbuild Makefile or a built .ko file.");
		}
		return Files.isDirectory(driver) ? withKbuildMakefile(driver, "The driver directory " + driver) : driver;
	}

	/** The device files, each of which must exist; what is in them chariot checks before it builds or boots. */
	private static List<Path> deviceFiles(ILaunchConfiguration configuration) throws CoreException {
		List<Path> files = new ArrayList<>();
		for (String entry : configuration.getAttribute(ILaunchAttributes.DEVICE_FILES, List.<String>of())) {
			Path file = Path.of(substitute(entry).strip());
			if (!Files.isRegularFile(file)) {
				throw LaunchErrors.error("The device file " + file + " does not exist: on the Guest tab, give the"
						+ " path of a device description (a .device file), or remove the line.");
			}
			files.add(file);
		}
		return files;
	}

	/** Kbuild reads Kbuild first, then Makefile; without either nothing builds the driver. */
	private static Path withKbuildMakefile(Path directory, String what) throws CoreException {
		if (!Files.isRegularFile(directory.resolve("Makefile")) && !Files.isRegularFile(directory.resolve("Kbuild"))) {
			throw LaunchErrors.error(what + " has no Makefile: the kernel's build needs a Kbuild Makefile naming the"
					+ " module (obj-m += name.o). Add one, or start from File > New > Chariot Driver Project.");
		}
		return directory;
	}

	private static Path projectLocation(IProject project) throws CoreException {
		IPath location = project.getLocation();
		if (!project.isOpen() || location == null) {
			throw LaunchErrors.error("The driver project '" + project.getName() + "' does not exist or is closed:"
					+ " open it, or choose another project on the Driver tab.");
		}
		return location.toPath();
	}

	private static String substitute(String text) throws CoreException {
		return VariablesPlugin.getDefault().getStringVariableManager().performStringSubstitution(text);
	}

	/** An option chosen from a list on a tab; a value saved by a newer version gets a message, not a stack trace. */
	private static <E extends Enum<E> & CommandLineOption> E choice(ILaunchConfiguration configuration, String key,
			E defaultValue, String where) throws CoreException {
		String option = configuration.getAttribute(key, defaultValue.option());
		try {
			return CommandLineOption.parse(defaultValue.getDeclaringClass(), option);
		} catch (IllegalArgumentException e) {
			throw LaunchErrors.error(where + ": " + e.getMessage() + ".", e);
		}
	}

	private static int positive(ILaunchConfiguration configuration, String key, int defaultValue, String what)
			throws CoreException {
		int value = configuration.getAttribute(key, defaultValue);
		if (value <= 0) {
			throw LaunchErrors.error("The " + what + " must be a positive number, not " + value + ".");
		}
		return value;
	}
}
