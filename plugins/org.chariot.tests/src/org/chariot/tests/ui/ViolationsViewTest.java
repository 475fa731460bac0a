package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chariot.tests.support.DriverProject;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Violations view in a real workbench: a recorded run's rows, and double-click to the C line. */
class ViolationsViewTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final int KIND = 0;
	private static final int FILE_LINE = 3;
	private static final int COUNT = 8;

	@TempDir
	Path directory;

	@RegisterExtension
	final DriverInWorkbench workbench = new DriverInWorkbench("hello_drv");

	@Test
	void showsARecordedRunAndOpensTheCLineOfAViolation() throws Exception {
		Path run = TestResources.writeSampleRun(directory.resolve("hello-run.jsonl"), workbench.driver().directory());
		ViolationsView view = (ViolationsView) workbench.page().showView(ViolationsView.ID);
		view.load(run);
		Table table = view.viewer().getTable();
		waitForRun(view, "hello-run.jsonl: 3 violations");
		assertEquals(3, table.getItemCount());

		assertEquals(List.of("kernel-data", "heap-overflow", "use-after-free"), column(table, KIND));
		assertEquals(List.of("hello_drv.c:37", "hello_drv.c:24", "hello_drv.c:31"), column(table, FILE_LINE));

		doubleClick(table, 1);
		ITextEditor editor = assertInstanceOf(ITextEditor.class, workbench.page().getActiveEditor());
		assertEquals(new FileEditorInput(workbench.driver().source()), editor.getEditorInput());
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(24 - 1, selection.getStartLine(), "the editor shows the line of the overflowing store");
		assertTrue(selection.getText().contains("buffer[i] = 'A'"), selection.getText());

		select(table, 1);
		assertTrue(view.detailsText().contains("allocated in hello_open (hello_drv.c:14)"), view.detailsText());
		assertTrue(view.detailsText().contains("#1 0xffffffff8011e2f0 vfs_write"), view.detailsText());
		Path screenshot = Screenshots.save(workbench.page().getWorkbenchWindow().getShell(), "violations-view-recorded-run");
		assertTrue(Files.size(screenshot) > 0);
	}

	@Test
	void opensAFileOutsideTheWorkspaceFromDisk() throws Exception {
		Path external = Files.createDirectories(directory.resolve("elsewhere"));
		Files.writeString(external.resolve(DriverProject.SOURCE_NAME), TestResources.read(TestResources.DRIVER_SOURCE));
		ViolationsView view = (ViolationsView) workbench.page().showView(ViolationsView.ID);
		view.load(TestResources.writeSampleRun(directory.resolve("external-run.jsonl"), external));
		Table table = view.viewer().getTable();
		waitForRun(view, "external-run.jsonl: 3 violations");

		doubleClick(table, 2);
		IEditorPart editor = workbench.page().getActiveEditor();
		IURIEditorInput input = assertInstanceOf(IURIEditorInput.class, editor.getEditorInput());
		assertEquals(external.resolve(DriverProject.SOURCE_NAME).toUri(), input.getURI());
		ITextSelection selection = (ITextSelection) editor.getSite().getSelectionProvider().getSelection();
		assertEquals(31 - 1, selection.getStartLine());
	}

	@Test
	void groupsViolationsBySiteAndFiltersThem() throws Exception {
		Path run = TestResources.writeSampleRun(directory.resolve("repeated-run.jsonl"), workbench.driver().directory());
		List<String> records = new ArrayList<>(Files.readAllLines(run));
		String overflow = records.stream().filter(line -> line.contains("\"id\":2,")).findFirst().orElseThrow();
		records.addAll(records.size() - 1, List.of(overflow.replace("\"id\":2,", "\"id\":10,"),
				overflow.replace("\"id\":2,", "\"id\":11,")));
		Files.write(run, records);
		ViolationsView view = (ViolationsView) workbench.page().showView(ViolationsView.ID);
		view.load(run);
		Table table = view.viewer().getTable();
		waitForRun(view, "repeated-run.jsonl: 5 violations");

		view.setGroupBySite(true);
		waitForRun(view, "repeated-run.jsonl: 3 sites of 5 violations");
		assertEquals(List.of("hello_drv.c:37", "hello_drv.c:24", "hello_drv.c:31"), column(table, FILE_LINE));
		assertEquals(List.of("1", "3", "1"), column(table, COUNT));
		Screenshots.save(workbench.page().getWorkbenchWindow().getShell(), "violations-view-by-site");

		view.setGroupBySite(false);
		view.setFilter("USE-after");
		waitForRun(view, "repeated-run.jsonl: 1 violation of 5 violations matching 'USE-after'");
		assertEquals(List.of("use-after-free"), column(table, KIND));
		view.setFilter("");
		waitForRun(view, "repeated-run.jsonl: 5 violations");
	}

	/** The view shows the last run loaded; an earlier test's run may still be there until the new one arrives. */
	static void waitForRun(ViolationsView view, String description) {
		UiWait.until("the view to show '" + description + "'", TIMEOUT,
				() -> view.getContentDescription().equals(description));
	}

	static List<String> column(Table table, int column) {
		return Arrays.stream(table.getItems()).map(item -> item.getText(column)).toList();
	}

	/** Selects a row as a click does, so that the details pane follows. */
	static void select(Table table, int row) {
		click(table, row, SWT.Selection);
	}

	static void doubleClick(Table table, int row) {
		click(table, row, SWT.DefaultSelection);
	}

	private static void click(Table table, int row, int eventType) {
		table.getItem(row).getText(); // a virtual row gets its violation only once something asks for it
		table.setSelection(row);
		Event event = new Event();
		event.item = table.getItem(row);
		table.notifyListeners(eventType, event);
	}

}
