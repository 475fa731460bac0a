package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.BuggyExample;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.ImportedExample;
import org.chariot.ui.perspective.ChariotPerspective;
import org.chariot.ui.perspective.WindowOnFirstStart;
import org.chariot.ui.views.MemoryMapView;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.StructuredViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.console.IConsoleConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The IDE as a new user meets it: the window of a new workspace shows the Chariot perspective and fills the screen,
 * with the Run menu, the run's views and the Debug view's place; Run As > Chariot Driver is found in the context menu
 * of an imported example through the menu contributions, as a user finds it, and its run shows the violation's row.
 */
class ChariotPerspectiveTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER);
	private IWorkbenchPage page;
	private IPerspectiveDescriptor before;

	@BeforeEach
	void openTheWindowAsOnANewWorkspace() {
		page = Workbench.page();
		before = page.getPerspective();
		WindowOnFirstStart.open(page.getWorkbenchWindow());
	}

	@AfterEach
	void restore() {
		preferences.remove(ChariotPreferences.CHARIOT_ROOT);
		IPerspectiveDescriptor chariot = page.getPerspective();
		page.setPerspective(before);
		page.closePerspective(chariot, false, false);
		Workbench.page();
	}

	@Test
	void theChariotPerspectiveFillsTheScreenWithTheRunMenuTheRunsViewsAndTheDebugViewsPlace() throws Exception {
		Shell shell = page.getWorkbenchWindow().getShell();
		assertEquals(ChariotPerspective.ID, page.getPerspective().getId());
		assertEquals(shell.getMonitor().getClientArea(), shell.getBounds(), "the window fills the screen");
		for (String view : List.of(IPageLayout.ID_PROJECT_EXPLORER, ViolationsView.ID, IConsoleConstants.ID_CONSOLE_VIEW,
				MemoryMapView.ID)) {
			assertNotNull(page.findViewReference(view), view + " is in the perspective");
		}
		UiWait.until(() -> "a Run menu in the menu bar: " + menuTexts(shell.getMenuBar()), TIMEOUT,
				() -> item(shell.getMenuBar(), "Run").isPresent());

		IViewPart debug = page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
		IViewPart projects = page.findView(IPageLayout.ID_PROJECT_EXPLORER);
		assertTrue(Arrays.asList(page.getViewStack(debug)).contains(projects),
				"the Debug view opens beside the projects");
		Screenshots.save(shell, "chariot-perspective");
		page.hideView(debug);
	}

	@Test
	@Disabled("In the whole workbench suite of the integrated branches the launch that this menu item starts gets no "
			+ "process within 120 s, while BuggyExampleLaunchTest's launches of the same example run; not yet "
			+ "understood, left open in issue 14")
	void runAsChariotDriverFromAnExamplesContextMenuShowsItsViolation() throws Exception {
		ChariotCheckout.kit();
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());
		BuggyExample example = BuggyExample.of("buggy-overflow");
		try (ImportedExample imported = ImportedExample.of(example.directory())) {
			ViolationsView view = (ViolationsView) page.showView(ViolationsView.ID);
			IViewPart projects = page.showView(IPageLayout.ID_PROJECT_EXPLORER);
			ISelectionProvider selection = projects.getSite().getSelectionProvider();
			selection.setSelection(new StructuredSelection(imported.project()));
			Menu contextMenu = ((StructuredViewer) selection).getControl().getMenu();
			MenuItem runAs = shown(contextMenu, "Run As");
			MenuItem chariotDriver = shown(runAs.getMenu(), "Chariot Driver");

			List<ILaunch> earlier = List.of(DebugPlugin.getDefault().getLaunchManager().getLaunches());
			chariotDriver.notifyListeners(SWT.Selection, new Event());
			UiWait.until("Run As > Chariot Driver to start a launch", TIMEOUT, () -> newLaunch(earlier).isPresent());
			ILaunch launch = newLaunch(earlier).orElseThrow();
			UiWait.until(() -> "the run of " + example.name() + " to end; its console:\n" + console(launch), RUN_TIMEOUT,
					launch::isTerminated);
			assertEquals(7, launch.getProcesses()[0].getExitValue(), "the command's exit code for violations:\n"
					+ Launches.consoleText(launch.getProcesses()[0]));
			ViolationsViewTest.waitForRun(view, example.name() + ": 1 violation");
			assertEquals(List.of(example.kind()), ViolationsViewTest.column(view.viewer().getTable(), 0));
			assertEquals(List.of(example.sourceFile() + ":" + example.bugLine()),
					ViolationsViewTest.column(view.viewer().getTable(), 3));
			Screenshots.save(page.getWorkbenchWindow().getShell(), "run-as-chariot-driver");
		}
	}

	/** The item of {@code menu} whose label reads {@code label}, after the menu was filled as when it opens. */
	private static MenuItem shown(Menu menu, String label) {
		menu.notifyListeners(SWT.Show, new Event());
		return item(menu, label).orElseThrow(() -> new AssertionError("no '" + label + "' in " + menuTexts(menu)));
	}

	private static Optional<MenuItem> item(Menu menu, String label) {
		return Arrays.stream(menu.getItems()).filter(item -> plain(item.getText()).equals(label)
				|| plain(item.getText()).endsWith(" " + label)).findFirst();
	}

	/** A label without its mnemonic marker, accelerator and numbering ("&1 Chariot Driver" reads "1 Chariot Driver"). */
	private static String plain(String text) {
		return text.replace("&", "").split("\t")[0].strip();
	}

	private static List<String> menuTexts(Menu menu) {
		return Arrays.stream(menu.getItems()).map(item -> plain(item.getText())).toList();
	}

	private static String console(ILaunch launch) {
		return launch.getProcesses().length == 0 ? "(no process)" : Launches.consoleText(launch.getProcesses()[0]);
	}

	private static Optional<ILaunch> newLaunch(List<ILaunch> earlier) {
		return Arrays.stream(DebugPlugin.getDefault().getLaunchManager().getLaunches())
				.filter(launch -> !earlier.contains(launch)).findFirst();
	}
}
