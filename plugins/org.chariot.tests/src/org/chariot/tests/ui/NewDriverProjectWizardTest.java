package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.ui.wizards.NewDriverProjectWizard;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * File > New > Chariot Driver Project as a user drives it: the files it writes build with the real guest kit, and
 * the launch configuration it makes runs the driver and its exercise in the guest as they are.
 */
class NewDriverProjectWizardTest {

	private static final String PROJECT = "wizard-drv";
	private static final String MODULE = "wizard_drv";
	private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(2);

	private IWorkbenchPage page;
	private WizardDialog dialog;
	private NewDriverProjectWizard wizard;

	@BeforeEach
	void openWizard() {
		page = Workbench.page();
		wizard = new NewDriverProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		dialog = new WizardDialog(page.getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		if (dialog.getShell() != null) {
			dialog.close();
		}
		page.closeAllEditors(false);
		InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).remove(ChariotPreferences.CHARIOT_ROOT);
		project().delete(true, true, null);
	}

	@Test
	void refusesAModuleNameKbuildWouldReject() {
		List<Text> fields = texts((Composite) dialog.getCurrentPage().getControl());
		fields.get(0).setText(PROJECT);
		fields.get(fields.size() - 1).setText("wizard-drv");

		assertFalse(wizard.canFinish());
		assertTrue(dialog.getCurrentPage().getErrorMessage().contains("'wizard-drv' is not a module name"),
				dialog.getCurrentPage().getErrorMessage());
	}

	@Test
	void createsADriverProjectThatBuildsWithTheKitAndRuns() throws Exception {
		Path kit = ChariotCheckout.kit();
		List<Text> fields = texts((Composite) dialog.getCurrentPage().getControl());
		fields.get(0).setText(PROJECT);
		assertEquals(MODULE, fields.get(fields.size() - 1).getText(), "the module name follows the project's");
		Screenshots.save(dialog.getShell(), "new-driver-project-wizard");
		press(dialog.getShell(), "&Finish");

		IProject project = project();
		for (String file : List.of("Makefile", "exercise.c", MODULE + ".c", PROJECT + ".launch")) {
			assertTrue(project.getFile(file).exists(), file);
		}
		ITextEditor editor = assertInstanceOf(ITextEditor.class, page.getActiveEditor());
		assertEquals(new FileEditorInput(project.getFile(MODULE + ".c")), editor.getEditorInput());

		Path location = project.getLocation().toPath();
		run(location, "make", "-C", kit.toString(), "M=" + location, "modules");
		assertTrue(Files.isRegularFile(location.resolve(MODULE + ".ko")), "the module was built");
		run(location, kit.resolve("guest-cc").toString(), "-o", "exercise", "exercise.c");
		assertTrue(Files.isExecutable(location.resolve("exercise")), "the exercise was built for the guest");

		ILaunchConfiguration configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfiguration(project.getFile(PROJECT + ".launch"));
		assertEquals(PROJECT, configuration.getAttribute(ILaunchAttributes.DRIVER_PROJECT, ""));
		InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).put(ChariotPreferences.CHARIOT_ROOT,
				ChariotCheckout.root().toString());
		ILaunch launch = Launches.runToEnd(configuration, BUILD_TIMEOUT);
		Launches.waitForConsole(launch.getProcesses()[0], "chariot: PASS", Duration.ofSeconds(10));
		String console = Launches.consoleText(launch.getProcesses()[0]);
		assertTrue(console.contains("exercise: passed"), console);
		assertEquals(0, launch.getProcesses()[0].getExitValue(), console);
	}

	private static IProject project() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
	}

	private static void run(Path directory, String... command) throws IOException, InterruptedException {
		Path log = Files.createTempFile("wizard-build", ".log");
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		assertTrue(process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS), String.join(" ", command));
		assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + Files.readString(log));
		Files.delete(log);
	}

	private static void press(Composite parent, String label) {
		Button button = children(parent, Button.class).stream().filter(b -> b.getText().equals(label)).findFirst()
				.orElseThrow(() -> new AssertionError("no button " + label));
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static List<Text> texts(Composite parent) {
		return children(parent, Text.class);
	}

	private static <T extends Control> List<T> children(Composite parent, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				found.addAll(children(composite, type));
			}
		}
		return found;
	}
}
