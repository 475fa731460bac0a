package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.chariot.core.memory.RegionKind;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.MemoryMapLayout;
import org.chariot.ui.views.MemoryMapView;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The memory map of a recorded run: where the module's memory is, and where its violations wrote. */
class MemoryMapViewTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final long OBJECT = 0xffffffff8123c400L;

	@TempDir
	Path directory;

	@RegisterExtension
	final DriverInWorkbench workbench = new DriverInWorkbench("mapped_drv");

	@Test
	void drawsSectionsAllocationsStackAndTheViolationsWhereTheyHit() throws Exception {
		Path run = TestResources.writeSampleRun(directory.resolve("mapped-run.jsonl"), workbench.driver().directory());
		Files.writeString(run, Files.readString(run) + TestResources.read(TestResources.GRANTS));
		MemoryMapView map = (MemoryMapView) workbench.page().showView(MemoryMapView.ID);
		((ViolationsView) workbench.page().showView(ViolationsView.ID, null, IWorkbenchPage.VIEW_VISIBLE)).load(run);
		UiWait.until("the map of the loaded run", TIMEOUT,
				() -> map.getContentDescription().equals("mapped-run.jsonl: 6 regions, 3 violations"));
		workbench.page().activate(map);
		UiWait.until("the map to be laid out", TIMEOUT, () -> map.mapLayout().lanes().size() == 4);

		List<MemoryMapLayout.Lane> lanes = map.mapLayout().lanes();
		assertEquals(List.of(".text", ".init.text", ".data", ".bss"),
				lanes.get(0).regions().stream().map(placed -> placed.region().label()).toList());
		assertTrue(lanes.get(0).title().startsWith("hello_drv "), lanes.get(0).title());

		MemoryMapLayout.Lane heap = lanes.get(1);
		MemoryMapLayout.PlacedRegion allocation = heap.regions().get(0);
		assertEquals(RegionKind.ALLOCATION, allocation.region().kind());
		assertEquals(OBJECT, allocation.region().start().value());
		Rectangle bounds = allocation.bounds();
		assertTrue(bounds.width >= 20, "a 16-byte object is wide enough to see: " + bounds);
		assertEquals(bounds.x, hitX(heap, OBJECT), "the use after free hits the object's first byte");
		assertEquals(bounds.x + bounds.width, hitX(heap, OBJECT + 16), "the overflow hits just past its end");
		assertTrue(lanes.get(2).title().startsWith("memory the module does not own"), lanes.get(2).title());
		assertEquals(RegionKind.STACK, lanes.get(3).regions().get(0).region().kind());
		ViolationsView violations = (ViolationsView) workbench.page().findView(ViolationsView.ID);
		workbench.page().showView(ViolationsView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		ViolationsViewTest.select(violations.viewer().getTable(), 1);
		UiWait.until("the chosen violation ringed on the map", TIMEOUT,
				() -> map.highlighted().map(address -> address.value() == OBJECT + 16).orElse(false));
		workbench.page().activate(map);
		Screenshots.save(workbench.page().getWorkbenchWindow().getShell(), "memory-map-recorded-run");

		doubleClick(map, hitX(heap, OBJECT + 16), heap.barTop() + 5);
		ITextEditor editor = assertInstanceOf(ITextEditor.class, workbench.page().getActiveEditor());
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(24 - 1, selection.getStartLine(), "the overflowing store's line");
	}

	private static int hitX(MemoryMapLayout.Lane lane, long address) {
		return lane.hits().stream().filter(placed -> placed.hits().address().value() == address).findFirst()
				.orElseThrow().x();
	}

	private static void doubleClick(MemoryMapView map, int x, int y) {
		Event event = new Event();
		event.x = x;
		event.y = y;
		event.button = 1;
		map.canvas().notifyListeners(SWT.MouseDoubleClick, event);
	}
}
