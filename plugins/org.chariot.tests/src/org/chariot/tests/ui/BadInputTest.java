package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chariot.core.build.BuildProblemMarkers;
import org.chariot.core.launch.ChariotLaunchDelegate;
import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.DriverProject;
import org.chariot.tests.support.ImportedExample;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong in real use: the user gets a message that says what and what to do (a dialog or the Error Log),
 * the workbench stays usable, and whatever a run recorded is kept.
 */
class BadInputTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path directory;

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER);
	private final List<IStatus> logged = new CopyOnWriteArrayList<>();
	private final ILogListener log = (status, plugin) -> logged.add(status);
	private IWorkbenchPage page;
	private IProject project;

	@BeforeEach
	void listenToTheLog() {
		page = Workbench.page();
		Platform.addLogListener(log);
	}

	@AfterEach
	void restore() throws CoreException {
		Platform.removeLogListener(log);
		closeDialogs();
		page.closeAllEditors(false);
		preferences.remove(ChariotPreferences.CHARIOT_ROOT);
		if (project != null) {
			project.delete(true, true, null);
		}
	}

	@Test
	void aProjectWithoutMakefileIsRefusedWithWhatToDo() throws Exception {
		project = project("no_makefile", "no_makefile.c", "int x;\n");
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());

		CoreException refused = assertThrows(CoreException.class,
				() -> configuration(project).launch(ILaunchManager.RUN_MODE, null));
		assertTrue(refused.getMessage().contains("has no Makefile"), refused.getMessage());
		assertTrue(refused.getMessage().contains("obj-m += name.o"), refused.getMessage());
		assertWorkbenchUsable();
	}

	@Test
	void compilerErrorsBecomeProblemMarkersOnTheirLines() throws Exception {
		ChariotCheckout.kit();
		project = project("broken_drv", "broken_drv.c", String.join("\n", "#include <linux/module.h>",
				"static int __init broken_init(void)", "{", "\treturn undeclared_thing;", "}",
				"module_init(broken_init);", "MODULE_LICENSE(\"GPL\");", ""));
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());

		ILaunch launch = Launches.runToEnd(configuration(project), TIMEOUT);
		assertEquals(5, launch.getProcesses()[0].getExitValue(), "the command's exit code for a failed build");
		UiWait.until("the build problem markers", TIMEOUT, () -> !buildMarkers().isEmpty());
		IMarker first = buildMarkers().get(0);
		assertEquals(4, first.getAttribute(IMarker.LINE_NUMBER, 0));
		assertEquals(IMarker.SEVERITY_ERROR, first.getAttribute(IMarker.SEVERITY, -1));
		assertTrue(first.getAttribute(IMarker.MESSAGE, "").contains("undeclared_thing"));
		assertTrue(waitForLogged("did not build").getMessage().contains("undeclared_thing"), "the compiler's words");
		IDE.openEditor(page, first);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "bad-input-compiler-errors");
		assertWorkbenchUsable();
	}

	@Test
	void aMissingCrossCompilerIsReportedAsTheCommandSaysIt() throws Exception {
		project = driverProject("needs_gcc");
		useStandIn("echo 'chariot: error: these Debian packages are missing: gcc-riscv64-linux-gnu. Install them with:"
				+ " sudo apt-get install -y gcc-riscv64-linux-gnu' >&2", "exit 2");

		ILaunch launch = Launches.runToEnd(configuration(project), TIMEOUT);
		assertEquals(2, launch.getProcesses()[0].getExitValue());
		IStatus error = waitForLogged("gcc-riscv64-linux-gnu");
		assertEquals(IStatus.ERROR, error.getSeverity());
		assertTrue(error.getMessage().contains("apt-get install"), error.getMessage());
		assertWorkbenchUsable();
	}

	@Test
	void anEmulatorKilledMidRunKeepsWhatItRecorded() throws Exception {
		project = driverProject("killed_drv");
		Path partial = directory.resolve("partial.jsonl");
		List<String> sample = Files.readAllLines(
				TestResources.writeSampleRun(directory.resolve("whole.jsonl"), project.getLocation().toPath()));
		Files.write(partial, sample.subList(0, 5));
		useStandIn("cp '" + partial + "' \"$out\"", "kill -9 $$");
		ViolationsView view = (ViolationsView) page.showView(ViolationsView.ID);

		ILaunch launch = Launches.runToEnd(configuration(project), TIMEOUT);
		IStatus error = waitForLogged("ended without its summary");
		assertTrue(error.getMessage().contains(launch.getAttribute(ChariotLaunchDelegate.EVENT_FILE)), error.getMessage());
		assertEquals(sample.subList(0, 5), Files.readAllLines(Path.of(launch.getAttribute(ChariotLaunchDelegate.EVENT_FILE))),
				"the record up to the kill is kept");
		ViolationsViewTest.waitForRun(view, "killed_drv: 2 violations");
		assertWorkbenchUsable();
	}

	/** The real emulator, killed as soon as it has started writing its record (the guest is still booting). */
	@Test
	void theRealEmulatorKilledMidRunKeepsWhatItRecorded() throws Exception {
		ChariotCheckout.kit();
		project = ImportedExample.of(ChariotCheckout.example("hello")).project();
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());
		ILaunch launch = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfiguration(project.getFile("hello.launch")).launch(ILaunchManager.RUN_MODE, null);
		Path eventFile = Path.of(launch.getAttribute(ChariotLaunchDelegate.EVENT_FILE));
		UiWait.until("the run's first record", TIMEOUT, () -> Files.isRegularFile(eventFile) && size(eventFile) > 0);

		long pid = Long.parseLong(launch.getProcesses()[0].getAttribute(IProcess.ATTR_PROCESS_ID));
		ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
		UiWait.until("the killed run to end", TIMEOUT, launch::isTerminated);

		assertTrue(waitForLogged("ended without its summary").getMessage().contains(eventFile.toString()));
		List<String> kept = Files.readAllLines(eventFile);
		assertTrue(kept.get(0).startsWith("{\"type\":\"run\""), "the record up to the kill is kept: " + kept);
		assertTrue(kept.stream().noneMatch(line -> line.contains("\"type\":\"summary\"")), "killed before its end");
		assertWorkbenchUsable();
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void aCorruptEventFileShowsWhatIsReadableAndNamesTheBadLines() throws Exception {
		Path file = directory.resolve("corrupt.jsonl");
		List<String> sample = TestResources.read(TestResources.SAMPLE_RUN).lines().toList();
		Files.write(file, List.of(sample.get(0), sample.get(3), "{\"type\":\"violation\",\"t\":1,\"id\":", "\u0000\u0001garbage",
				sample.get(4)));
		ViolationsView view = (ViolationsView) page.showView(ViolationsView.ID);

		view.load(file);
		ViolationsViewTest.waitForRun(view, "corrupt.jsonl: 2 violations");
		assertTrue(waitForLogged("Skipped line 3 of the event file").getMessage().contains(file.toString()));
		waitForLogged("Skipped line 4 of the event file");
		assertWorkbenchUsable();
	}

	private IProject project(String name, String file, String source) throws CoreException {
		IProject created = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		if (created.exists()) {
			created.delete(true, true, null);
		}
		created.create(null);
		created.open(null);
		created.getFile(file).create(new ByteArrayInputStream(source.getBytes(StandardCharsets.UTF_8)), IResource.FORCE,
				null);
		if (!name.equals("no_makefile")) {
			created.getFile("Makefile").create(new ByteArrayInputStream(("obj-m += " + name + ".o\n")
					.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		}
		return created;
	}

	private IProject driverProject(String name) throws CoreException, IOException {
		return project(name, DriverProject.SOURCE_NAME, TestResources.read(TestResources.DRIVER_SOURCE));
	}

	/** A chariot script that does what the real one does in the case at hand, then the given last step. */
	private void useStandIn(String output, String end) throws IOException {
		Path script = directory.resolve("chariot");
		Files.writeString(script, String.join("\n", "#!/bin/sh",
				"while [ $# -gt 0 ]; do [ \"$1\" = --json ] && out=$2; shift; done", output, end, ""));
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		preferences.put(ChariotPreferences.CHARIOT_ROOT, directory.toString());
	}

	private static ILaunchConfigurationWorkingCopy configuration(IProject driver) throws CoreException {
		ILaunchConfigurationWorkingCopy configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE).newInstance(null, driver.getName());
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, driver.getName());
		return configuration;
	}

	private List<IMarker> buildMarkers() {
		try {
			return Arrays.stream(project.findMarkers(BuildProblemMarkers.TYPE, false, IResource.DEPTH_INFINITE))
					.sorted((a, b) -> a.getAttribute(IMarker.LINE_NUMBER, 0) - b.getAttribute(IMarker.LINE_NUMBER, 0))
					.toList();
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}

	private IStatus waitForLogged(String text) {
		UiWait.until("a logged message with '" + text + "'", TIMEOUT,
				() -> logged.stream().anyMatch(status -> status.getMessage().contains(text)));
		return logged.stream().filter(status -> status.getMessage().contains(text)).findFirst().orElseThrow();
	}

	/** The workbench still answers: a view opens and the window is the active shell once dialogs are gone. */
	private void assertWorkbenchUsable() throws Exception {
		closeDialogs();
		assertTrue(page.showView(IPageLayout.ID_PROBLEM_VIEW) != null);
		assertTrue(page.getWorkbenchWindow().getShell().isEnabled());
	}

	private void closeDialogs() {
		Shell window = page.getWorkbenchWindow().getShell();
		for (Shell shell : window.getDisplay().getShells()) {
			if (shell != window && shell.isVisible()) {
				shell.close();
			}
		}
	}
}
