package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.KunitView;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The KUnit view on a recorded run of a driver's KUnit suite: suites, cases, their violations, their sources. */
class KunitViewTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);
	private static final String RECORDED_SOURCES = "/tmp/kb/";

	@TempDir
	Path directory;

	@RegisterExtension
	final DriverInWorkbench workbench = new DriverInWorkbench("kunit_drv");

	@Test
	void showsEachCaseWithItsResultAndViolationsAndOpensItsLine() throws Exception {
		// The run was recorded with the driver in /tmp/kb; here its test file is a 40-line stand-in.
		Path sources = Files.createDirectories(directory.resolve("kb"));
		Files.writeString(sources.resolve("buggy_store_test.c"),
				IntStream.rangeClosed(1, 40).mapToObj(i -> "/* line " + i + " */").collect(Collectors.joining("\n")));
		Path run = directory.resolve("kunit-run.jsonl");
		Files.writeString(run, TestResources.read(TestResources.RECORDED_KUNIT_RUN).replace(RECORDED_SOURCES,
				sources + "/"));
		KunitView view = (KunitView) workbench.page().showView(KunitView.ID);
		((ViolationsView) workbench.page().showView(ViolationsView.ID, null, IWorkbenchPage.VIEW_VISIBLE)).load(run);
		UiWait.until("the KUnit results of the loaded run", TIMEOUT, () -> view.getContentDescription()
				.equals("kunit-run.jsonl: 1 suites, 3 cases, 1 failed, 1 with violations"));
		workbench.page().activate(view);

		Tree tree = view.viewer().getTree();
		TreeItem suite = tree.getItem(0);
		assertEquals("buggy_store  (2 passed, 1 failed, 0 skipped, 1 with violations)", suite.getText());
		assertEquals("passed  buggy_store_fills_within_bounds", suite.getItem(0).getText());
		assertEquals("VIOLATED  buggy_store_overflows", suite.getItem(1).getText());
		assertTrue(suite.getItem(1).getItem(0).getText().startsWith("#1 heap-overflow at "),
				suite.getItem(1).getItem(0).getText());
		assertTrue(suite.getItem(2).getText().startsWith("FAILED  buggy_store_expects_wrongly: "),
				suite.getItem(2).getText());
		Screenshots.save(workbench.page().getWorkbenchWindow().getShell(), "kunit-view-recorded-run");

		tree.setSelection(suite.getItem(2));
		Event open = new Event();
		open.item = suite.getItem(2);
		tree.notifyListeners(SWT.DefaultSelection, open);
		ITextEditor editor = assertInstanceOf(ITextEditor.class, workbench.page().getActiveEditor());
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(19 - 1, selection.getStartLine(), "the failing case's function: the line of its first instruction");
	}
}
