package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.core.projects.ExampleDrivers;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.ui.wizards.ExamplesOnFirstStart;
import org.chariot.ui.wizards.ImportExamplesWizard;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checkout's example drivers, imported by the wizard or on a new workspace's first start, ready to run. */
class ImportExamplesTest {

	@BeforeEach
	void useThisCheckout() throws CoreException {
		InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).put(ChariotPreferences.CHARIOT_ROOT,
				ChariotCheckout.root().toString());
		deleteAllProjects();
	}

	@AfterEach
	void cleanUp() throws CoreException {
		System.clearProperty(ExamplesOnFirstStart.NEW_WORKSPACE);
		InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).remove(ChariotPreferences.CHARIOT_ROOT);
		deleteAllProjects();
	}

	@Test
	void theWizardImportsTheChosenExampleWithItsLaunchConfiguration() throws Exception {
		ImportExamplesWizard wizard = new ImportExamplesWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		WizardDialog dialog = new WizardDialog(Workbench.page().getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Table table = findTable((Composite) dialog.getCurrentPage().getControl());
		List<String> offered = Arrays.stream(table.getItems()).map(TableItem::getText).toList();
		assertTrue(offered.containsAll(List.of("buggy-overflow", "chardev", "hello")), offered.toString());
		assertFalse(wizard.canFinish(), "nothing chosen yet");

		TableItem chardev = table.getItem(offered.indexOf("chardev"));
		chardev.setChecked(true);
		Event check = new Event();
		check.item = chardev;
		check.detail = SWT.CHECK;
		table.notifyListeners(SWT.Selection, check);
		Screenshots.save(dialog.getShell(), "import-example-drivers");
		assertTrue(wizard.performFinish());
		dialog.close();

		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("chardev");
		for (String file : List.of("Makefile", "chardev.c", "chardev_ioctl.h", "exercise.c", "chardev.launch")) {
			assertTrue(project.getFile(file).exists(), file);
		}
		assertFalse(project.getFile("chardev.ko").exists(), "build outputs in the checkout stay there");
		ILaunchConfiguration configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfiguration(project.getFile("chardev.launch"));
		assertEquals("${workspace_loc:/chardev/exercise.c}", configuration.getAttribute(ILaunchAttributes.EXERCISE, ""));
	}

	@Test
	void aNewWorkspaceStartedByChariotIdeGetsEveryExample() throws Exception {
		System.setProperty(ExamplesOnFirstStart.NEW_WORKSPACE, "true");
		new ExamplesOnFirstStart().earlyStartup();
		UiWait.until("every example to be imported with its launch configuration", Duration.ofSeconds(30),
				() -> examples().stream().allMatch(ImportExamplesTest::importedWithLaunchConfiguration));
		assertEquals(examples().size(), ResourcesPlugin.getWorkspace().getRoot().getProjects().length);
	}

	private static boolean importedWithLaunchConfiguration(Path example) {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(example.getFileName().toString());
		return project.getFile(project.getName() + ".launch").exists();
	}

	private static List<Path> examples() {
		try {
			return new ExampleDrivers(ChariotCheckout.root()).list();
		} catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	private static void deleteAllProjects() throws CoreException {
		for (IProject project : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(true, true, null);
		}
	}

	private static Table findTable(Composite parent) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Table table) {
				return table;
			}
			if (child instanceof Composite composite) {
				Table found = findTable(composite);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
