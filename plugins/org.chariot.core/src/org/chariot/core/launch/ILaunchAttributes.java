package org.chariot.core.launch;

/**
 * The attribute keys of a Chariot Driver launch configuration. Saved configurations store these strings: never rename
 * one (add a new key and read the old one instead).
 */
public interface ILaunchAttributes {

	/** The launch configuration type, declared in plugin.xml. */
	String LAUNCH_CONFIGURATION_TYPE = "org.chariot.core.launchConfigurationType";

	String PREFIX = "org.chariot.launch.";

	/** String: the workspace project holding the driver's Kbuild Makefile and C files; empty to use a directory. */
	String DRIVER_PROJECT = PREFIX + "driverProject";
	/** String: a directory or a built .ko outside the workspace; string variables are substituted. */
	String DRIVER_DIRECTORY = PREFIX + "driverDirectory";
	/** String: the module to load when the driver builds several; empty for the only one. */
	String MODULE_NAME = PREFIX + "moduleName";
	/** List of "name=value" strings, passed to the module at load time. */
	String MODULE_PARAMETERS = PREFIX + "moduleParameters";

	/** String: the program (or C file) that exercises the driver in the guest; empty to only load and unload. */
	String EXERCISE = PREFIX + "exercise";
	/** String: the exercise's arguments, split like a shell command line. */
	String EXERCISE_ARGUMENTS = PREFIX + "exerciseArguments";

	/** String: block, report or halt; see {@link IsolationPolicy}. */
	String POLICY = PREFIX + "policy";
	/** Boolean: isolation checks the drivers' reads too (chariot run --check reads); our machine only. */
	String CHECK_READS = PREFIX + "checkReads";
	/** List of other drivers (directories or .ko files) to load after the driver, each isolated (chariot run --isolate). */
	String OTHER_ISOLATED_MODULES = PREFIX + "otherIsolatedModules";

	/** Boolean: also load the driver's KUnit suite modules, after it (chariot run --kunit). */
	String KUNIT = PREFIX + "kunit";
	/** String: suite[.case] globs of the KUnit cases to run (chariot run --kunit-filter); empty for all. */
	String KUNIT_FILTER = PREFIX + "kunitFilter";

	/** Boolean: record line coverage of the driver (chariot run --coverage) and mark it on its C files. */
	String COVERAGE = PREFIX + "coverage";

	/** String: chariot or cdt, the debugger of a debug launch; see {@link DebuggerChoice}. */
	String DEBUGGER = PREFIX + "debugger";

	/** Integer: guest memory in MiB. */
	String GUEST_MEMORY_MIB = PREFIX + "guestMemoryMiB";
	/** String: appended to the guest kernel's command line. */
	String KERNEL_ARGUMENTS = PREFIX + "kernelArguments";
	/** Integer: seconds before the run is stopped. */
	String TIMEOUT_SECONDS = PREFIX + "timeoutSeconds";
	/** String: ours or qemu; see {@link GuestMachine}. */
	String MACHINE = PREFIX + "machine";
	/**
	 * List of device files (string variables substituted), each a device the machine gets for the driver to bind to
	 * (chariot run --device; the format: examples/drivers/user-device/README.md).
	 */
	String DEVICE_FILES = PREFIX + "deviceFiles";
	/** List of "LINE=high|low|lineN" strings: what drives the machine's GPIO lines from outside (chariot run --gpio). */
	String GPIO_INPUTS = PREFIX + "gpioInputs";

	int DEFAULT_GUEST_MEMORY_MIB = 128;
	int DEFAULT_TIMEOUT_SECONDS = 60;
}
