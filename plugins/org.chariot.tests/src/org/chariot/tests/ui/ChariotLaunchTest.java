package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.chariot.core.launch.ChariotLaunchDelegate;
import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.markers.ViolationMarkers;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.DriverProject;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.part.FileEditorInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chariot Driver launch end to end, with a stand-in for the chariot script that writes a recorded run where --json
 * says: the process runs, its events reach the Violations view, markers land on the C lines and go when the same
 * configuration runs again.
 */
class ChariotLaunchTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER);
	private DriverProject driver;
	private IWorkbenchPage page;

	@BeforeEach
	void installStandInChariot() throws Exception {
		driver = DriverProject.create("launched_drv");
		page = Workbench.page();
		Path recorded = TestResources.writeSampleRun(directory.resolve("recorded.jsonl"), driver.directory());
		Path script = directory.resolve("chariot");
		Files.writeString(script, String.join("\n", "#!/bin/sh", //
				"while [ $# -gt 0 ]; do [ \"$1\" = --json ] && out=$2; shift; done", //
				"echo 'stand-in chariot: running hello_drv'", //
				"cp '" + recorded + "' \"$out\"", ""));
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		preferences.put(ChariotPreferences.CHARIOT_ROOT, directory.toString());
	}

	@AfterEach
	void restore() throws CoreException {
		page.closeAllEditors(false);
		preferences.remove(ChariotPreferences.CHARIOT_ROOT);
		driver.close();
	}

	@Test
	void aRunFillsTheViewAndMarksTheCLines() throws Exception {
		ILaunchConfigurationWorkingCopy configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE).newInstance(null, "hello");
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, driver.project().getName());
		ViolationsView view = (ViolationsView) page.showView(ViolationsView.ID);
		page.showView(IPageLayout.ID_PROBLEM_VIEW);
		page.activate(view);

		ILaunch first = launchAndWait(configuration);
		ViolationsViewTest.waitForRun(view, "hello: 3 violations");
		assertEquals(3, view.viewer().getTable().getItemCount());
		UiWait.until("three markers", TIMEOUT, () -> markerLines().size() == 3);
		assertEquals(List.of(24, 31, 37), markerLines());
		assertTrue(Files.isRegularFile(Path.of(first.getAttribute(ChariotLaunchDelegate.EVENT_FILE))));
		page.openEditor(new FileEditorInput(driver.source()), EditorsUI.DEFAULT_TEXT_EDITOR_ID);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "violations-view-after-launch");

		ILaunch second = launchAndWait(configuration);
		UiWait.until("the second run's markers", TIMEOUT, () -> markerLines().size() == 3);
		assertEquals(List.of(24, 31, 37), markerLines(), "the first run's markers are gone, not doubled");
		assertTrue(Files.isRegularFile(Path.of(first.getAttribute(ChariotLaunchDelegate.EVENT_FILE))),
				"every run's record is kept");
		assertTrue(!first.getAttribute(ChariotLaunchDelegate.EVENT_FILE)
				.equals(second.getAttribute(ChariotLaunchDelegate.EVENT_FILE)));
	}

	private static ILaunch launchAndWait(ILaunchConfigurationWorkingCopy configuration) throws CoreException {
		ILaunch launch = configuration.launch(ILaunchManager.RUN_MODE, null);
		UiWait.until("the chariot process to end", TIMEOUT, launch::isTerminated);
		assertEquals(0, launch.getProcesses()[0].getExitValue());
		return launch;
	}

	private List<Integer> markerLines() {
		try {
			IMarker[] markers = driver.source().findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_ZERO);
			return Arrays.stream(markers).map(marker -> marker.getAttribute(IMarker.LINE_NUMBER, 0)).sorted().toList();
		} catch (CoreException e) {
			throw new AssertionError(e);
		}
	}
}
