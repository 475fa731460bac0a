package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.chariot.core.events.Violation;
import org.chariot.core.markers.ViolationMarkers;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.BuggyExample;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.ImportedExample;
import org.chariot.ui.views.MemoryMapLayout;
import org.chariot.ui.views.MemoryMapView;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.model.IProcess;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Buggy examples imported and launched for real, with the launch configuration the import made: the chariot command
 * builds each, boots the guest in our emulator, isolates the
 * driver and blocks its bad write. The user must see that one write in the Violations view (kind, file:line), as a
 * marker on the BUG line, in the editor at that line on double-click, and in the Console with the driver's output.
 */
class BuggyExampleLaunchTest {

	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final int KIND = 0;
	private static final int FILE_LINE = 3;

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER);
	private IWorkbenchPage page;

	@BeforeEach
	void useThisCheckout() {
		ChariotCheckout.kit();
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());
		page = Workbench.page();
	}

	@AfterEach
	void restore() {
		page.closeAllEditors(false);
		preferences.remove(ChariotPreferences.CHARIOT_ROOT);
	}

	/** A store by the driver itself, a use after free, and a kernel helper's write on the driver's behalf. */
	@TestFactory
	Stream<DynamicTest> eachBadWriteIsShownWhereTheUserLooks() {
		return Stream.of("buggy-overflow", "buggy-uaf", "buggy-memset").map(BuggyExample::of)
				.map(example -> DynamicTest.dynamicTest(example.name(), () -> runAndCheck(example)));
	}

	/** The lane that marks where the violation wrote. */
	private static Optional<MemoryMapLayout.Lane> hitIn(MemoryMapView map, Violation violation) {
		return map.mapLayout().lanes().stream().filter(lane -> lane.hits().stream()
				.anyMatch(placed -> placed.hits().address().equals(violation.address()))).findFirst();
	}

	private void runAndCheck(BuggyExample example) throws Exception {
		try (ImportedExample imported = ImportedExample.of(example.directory())) {
			ViolationsView view = (ViolationsView) page.showView(ViolationsView.ID);

			ILaunch launch = Launches.runToEnd(imported.launchConfiguration(), RUN_TIMEOUT);
			IProcess process = launch.getProcesses()[0];
			Launches.waitForConsole(process, "chariot: VIOLATIONS", TIMEOUT);
			assertEquals(7, process.getExitValue(), "the command's exit code for violations:\n"
					+ Launches.consoleText(process));
			ViolationsViewTest.waitForRun(view, example.name() + ": 1 violation");
			Table table = view.viewer().getTable();
			assertEquals(List.of(example.kind()), ViolationsViewTest.column(table, KIND));
			assertEquals(List.of(example.sourceFile() + ":" + example.bugLine()),
					ViolationsViewTest.column(table, FILE_LINE));

			UiWait.until("the marker", TIMEOUT, () -> !Launches.violationMarkers(imported.file(example.sourceFile()))
					.isEmpty());
			IMarker marker = Launches.violationMarkers(imported.file(example.sourceFile())).get(0);
			assertEquals(example.bugLine(), marker.getAttribute(IMarker.LINE_NUMBER, 0));
			assertEquals(example.kind(), marker.getAttribute(ViolationMarkers.KIND, ""));

			ViolationsViewTest.doubleClick(table, 0);
			ITextEditor editor = assertInstanceOf(ITextEditor.class, page.getActiveEditor());
			assertEquals(new FileEditorInput(imported.file(example.sourceFile())), editor.getEditorInput());
			ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
			assertEquals(example.bugLine() - 1, selection.getStartLine());
			assertTrue(selection.getText().contains("/* BUG: " + example.kind() + " */"), selection.getText());

			String module = example.sourceFile().replace(".c", "");
			String console = Launches.consoleText(process);
			assertTrue(console.contains("@chariot unload " + module + " ok"), "unloaded:\n" + console);
			assertTrue(console.contains(module + ": loading out-of-tree module"), "the guest's own output:\n" + console);
			assertTrue(console.contains("BUG: Chariot: " + example.kind()), "the KASAN-style report:\n" + console);
			Screenshots.save(page.getWorkbenchWindow().getShell(), "launch-" + example.name());

			Violation violation = (Violation) table.getItem(0).getData();
			MemoryMapView map = (MemoryMapView) page.showView(MemoryMapView.ID);
			UiWait.until("the memory map of the run", TIMEOUT, () -> map.getContentDescription()
					.startsWith(example.name() + ":") && hitIn(map, violation).isPresent());
			MemoryMapLayout.Lane lane = hitIn(map, violation).orElseThrow();
			assertTrue(lane.regions().stream().anyMatch(placed -> placed.region().module().equals(module)),
					"the module's memory is drawn where its violation hit: " + lane.title());
			Screenshots.save(page.getWorkbenchWindow().getShell(), "memory-map-" + example.name());
		}
	}
}
