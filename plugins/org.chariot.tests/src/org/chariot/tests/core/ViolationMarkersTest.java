package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.chariot.core.events.EventFiles;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.markers.ViolationMarkers;
import org.chariot.core.sources.SourceFileResolver;
import org.chariot.tests.support.DriverProject;
import org.chariot.tests.support.TestResources;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViolationMarkersTest {

	@TempDir
	Path directory;

	private final IWorkspace workspace = ResourcesPlugin.getWorkspace();
	private final ViolationMarkers markers = new ViolationMarkers(workspace);
	private DriverProject driver;
	private ViolationModel run;
	private SourceFileResolver resolver;

	@BeforeEach
	void recordARun() throws Exception {
		driver = DriverProject.create("markers_drv");
		run = EventFiles.load(TestResources.writeSampleRun(directory.resolve("run.jsonl"), driver.directory()));
		resolver = new SourceFileResolver(workspace.getRoot(), run.moduleDirectories());
	}

	@AfterEach
	void deleteProject() throws Exception {
		driver.close();
	}

	@Test
	void marksEachViolationOnItsLineOfTheCFile() throws CoreException {
		assertEquals(3, markers.create("hello", run.violations(), resolver));

		IMarker[] found = driver.source().findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_ZERO);
		assertEquals(List.of(24, 31, 37), lines(found));
		IMarker overflow = Arrays.stream(found).filter(marker -> marker.getAttribute(IMarker.LINE_NUMBER, 0) == 24)
				.findFirst().orElseThrow();
		assertEquals("2", overflow.getAttribute(ViolationMarkers.VIOLATION_ID, ""));
		assertEquals("heap-overflow", overflow.getAttribute(ViolationMarkers.KIND, ""));
		assertEquals("0xffffffff8123c410", overflow.getAttribute(ViolationMarkers.ADDRESS, ""));
		assertEquals("hello", overflow.getAttribute(ViolationMarkers.LAUNCH_CONFIGURATION, ""));
		assertEquals(IMarker.SEVERITY_ERROR, overflow.getAttribute(IMarker.SEVERITY, -1));
		assertEquals(true, overflow.isSubtypeOf(IMarker.PROBLEM), "shows in the Problems view");
	}

	@Test
	void clearsOnlyTheMarkersOfTheConfigurationThatRunsAgain() throws CoreException {
		markers.create("hello", run.violations(), resolver);
		markers.create("other", run.violations().subList(0, 1), resolver);

		markers.clear("hello");

		IMarker[] left = driver.source().findMarkers(ViolationMarkers.TYPE, false, IResource.DEPTH_ZERO);
		assertEquals(List.of(37), lines(left));
		assertEquals("other", left[0].getAttribute(ViolationMarkers.LAUNCH_CONFIGURATION, ""));
	}

	private static List<Integer> lines(IMarker[] markers) {
		return Arrays.stream(markers).map(marker -> marker.getAttribute(IMarker.LINE_NUMBER, 0)).sorted().toList();
	}
}
