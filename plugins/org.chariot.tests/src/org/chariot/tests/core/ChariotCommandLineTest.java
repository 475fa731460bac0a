package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.chariot.core.launch.ChariotCommandLine;
import org.chariot.core.launch.ChariotInstallation;
import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.launch.LaunchSettings;
import org.chariot.tests.support.DriverProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChariotCommandLineTest {

	private static final ChariotInstallation CHARIOT = new ChariotInstallation(Path.of("/opt/chariot"));
	private static final Path EVENTS = Path.of("/ws/.metadata/runs/hello/1.jsonl");

	private final IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
	private DriverProject driver;
	private ILaunchConfigurationWorkingCopy configuration;

	@BeforeEach
	void createConfiguration() throws Exception {
		driver = DriverProject.create("launch_drv");
		configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE).newInstance(null, "hello");
	}

	@AfterEach
	void deleteProject() throws Exception {
		driver.close();
	}

	@Test
	void runsTheProjectsDriverWithItsParametersAndExercise() throws CoreException {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.MODULE_PARAMETERS, List.of("debug=1", "name=a b"));
		configuration.setAttribute(ILaunchAttributes.EXERCISE, "/usr/bin/hello-test");
		configuration.setAttribute(ILaunchAttributes.TIMEOUT_SECONDS, 30);

		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), //
				"--param", "debug=1", "--param", "name=a b", //
				"--exercise", "/usr/bin/hello-test", //
				"--memory", "128", "--timeout", "30", "--machine", "ours", "--json", EVENTS.toString()), commandLine());
	}

	@Test
	void writesEveryOptionTheUserSet() throws CoreException {
		configuration.setAttribute(ILaunchAttributes.DRIVER_DIRECTORY, driver.directory().toString());
		configuration.setAttribute(ILaunchAttributes.MODULE_NAME, "hello_drv");
		configuration.setAttribute(ILaunchAttributes.EXERCISE, "ex.c");
		configuration.setAttribute(ILaunchAttributes.EXERCISE_ARGUMENTS, "-n 3 \"two words\"");
		configuration.setAttribute(ILaunchAttributes.POLICY, "halt");
		configuration.setAttribute(ILaunchAttributes.OTHER_ISOLATED_MODULES, List.of("helper"));
		configuration.setAttribute(ILaunchAttributes.GUEST_MEMORY_MIB, 256);
		configuration.setAttribute(ILaunchAttributes.KERNEL_ARGUMENTS, "loglevel=8 slub_debug=FZPU");
		configuration.setAttribute(ILaunchAttributes.MACHINE, "qemu");

		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), //
				"--module", "hello_drv", //
				"--exercise", "ex.c", "--exercise-arg", "-n", "--exercise-arg", "3", "--exercise-arg", "two words", //
				"--policy", "halt", "--isolate", "helper", //
				"--kernel-arg", "loglevel=8", "--kernel-arg", "slub_debug=FZPU", //
				"--memory", "256", "--timeout", "60", "--machine", "qemu", "--json", EVENTS.toString()), commandLine());
	}

	@Test
	void givesTheMachineTheDescribedDevicesAndTheGpioInputs() throws CoreException {
		driver.project().getFile("sensor.device").create(
				new ByteArrayInputStream("compatible acme,sensor\n".getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.DEVICE_FILES, List.of("${workspace_loc:/launch_drv/sensor.device}"));
		configuration.setAttribute(ILaunchAttributes.GPIO_INPUTS, List.of("1=line0", "2=high"));

		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), //
				"--device", driver.directory().resolve("sensor.device").toString(), //
				"--gpio", "1=line0", "--gpio", "2=high", //
				"--memory", "128", "--timeout", "60", "--machine", "ours", "--json", EVENTS.toString()), commandLine());
	}

	@Test
	void asksForTheDriversKunitSuitesOrOneCaseOfThem() throws CoreException {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.KUNIT, true);
		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), "--kunit", //
				"--memory", "128", "--timeout", "60", "--machine", "ours", "--json", EVENTS.toString()), commandLine());

		configuration.setAttribute(ILaunchAttributes.KUNIT_FILTER, "chardev.chardev_test_ioctls");
		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), //
				"--kunit-filter", "chardev.chardev_test_ioctls", //
				"--memory", "128", "--timeout", "60", "--machine", "ours", "--json", EVENTS.toString()), commandLine());
	}

	@Test
	void checksReadsOnOurMachineOnly() throws CoreException {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.CHECK_READS, true);
		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), "--check", "reads", //
				"--memory", "128", "--timeout", "60", "--machine", "ours", "--json", EVENTS.toString()), commandLine());

		configuration.setAttribute(ILaunchAttributes.MACHINE, "qemu");
		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), //
				"--memory", "128", "--timeout", "60", "--machine", "qemu", "--json", EVENTS.toString()), commandLine());
	}

	@Test
	void namesADeviceFileThatIsNotThere() {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.DEVICE_FILES, List.of("/nowhere/sensor.device"));
		assertProblem("The device file /nowhere/sensor.device does not exist: on the Guest tab");
	}

	@Test
	void asksForADriverWhenNoneIsChosen() {
		assertProblem("choose the driver's project or directory");
	}

	@Test
	void namesAClosedProject() throws CoreException {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		driver.project().close(null);
		assertProblem("'launch_drv' does not exist or is closed");
	}

	@Test
	void rejectsAPolicyItDoesNotKnow() {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.POLICY, "ignore");
		assertProblem("'ignore' is not one of block, report, halt");
	}

	@Test
	void aDebugLaunchHaltsBeforeIllegalStoresAndWaitsForTheDebugger() throws CoreException {
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, "launch_drv");
		configuration.setAttribute(ILaunchAttributes.POLICY, "report");

		assertEquals(List.of("/opt/chariot/chariot", "run", driver.directory().toString(), "--policy", "halt", //
				"--memory", "128", "--timeout", "60", "--machine", "ours", "--json", EVENTS.toString(), //
				"--gdb", "0", "--wait-gdb"),
				ChariotCommandLine.forDebugging(CHARIOT, LaunchSettings.from(configuration, root), EVENTS));
	}

	private void assertProblem(String expected) {
		CoreException problem = assertThrows(CoreException.class, this::commandLine);
		assertTrue(problem.getMessage().contains(expected), problem.getMessage());
	}

	private List<String> commandLine() throws CoreException {
		return ChariotCommandLine.build(CHARIOT, LaunchSettings.from(configuration, root), EVENTS);
	}
}
