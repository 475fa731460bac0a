package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.chariot.core.coverage.ChariotCoverage;
import org.chariot.core.coverage.CoverageMarkers;
import org.chariot.core.coverage.LcovTracefile;
import org.chariot.core.coverage.SourceCoverage;
import org.chariot.core.sources.SourceFileResolver;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.CoverageView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coverage of a real run of the chardev example under its exercise (an lcov tracefile the CLI wrote), marked on
 * the driver's C file in the workspace: executed and never-executed lines as editor annotations, the per-file and
 * per-function summary, and the toggle.
 */
class CoverageViewTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path directory;

	@RegisterExtension
	final DriverInWorkbench workbench = new DriverInWorkbench("covered_drv");

	@Test
	void marksExecutedAndNeverExecutedLinesAndSummarisesFilesAndFunctions() throws Exception {
		Path driver = workbench.driver().directory();
		// chardev.c as the run saw it is not in this bundle: a stand-in of its length carries the marks.
		Files.writeString(driver.resolve("chardev.c"),
				IntStream.rangeClosed(1, 176).mapToObj(i -> "/* line " + i + " */").collect(Collectors.joining("\n")));
		workbench.driver().project().refreshLocal(IResource.DEPTH_INFINITE, null);
		Path tracefile = directory.resolve("chardev.info");
		Files.writeString(tracefile, TestResources.read(TestResources.RECORDED_COVERAGE)
				.replace(TestResources.DRIVER_DIR_PLACEHOLDER, driver.toString()));
		List<SourceCoverage> coverage = LcovTracefile.read(tracefile);
		SourceCoverage chardev = coverage.getFirst();
		assertEquals(67, chardev.lines().size());
		assertEquals(60, chardev.linesHit());

		CoverageView view = (CoverageView) workbench.page().showView(CoverageView.ID);
		new CoverageMarkers(ResourcesPlugin.getWorkspace()).create("chardev", coverage,
				new SourceFileResolver(ResourcesPlugin.getWorkspace().getRoot(), List.of()));
		ChariotCoverage.getDefault().published(new ChariotCoverage.RunCoverage("chardev", coverage));
		UiWait.until("the coverage summary", TIMEOUT,
				() -> view.getContentDescription().equals("chardev: 60 of 67 lines executed (89.6%)"));
		TreeItem file = view.viewer().getTree().getItem(0);
		assertEquals("chardev.c  60 of 67 lines (89.6%), 10 of 10 functions entered", file.getText());
		view.viewer().expandAll();
		assertTrue(List.of(file.getItems()).stream().anyMatch(item -> item.getText().equals(
				"chardev_read  line 61, entered 2x")), List.of(file.getItems()).toString());

		IFile source = workbench.driver().project().getFile("chardev.c");
		ITextEditor editor = assertInstanceOf(ITextEditor.class, IDE.openEditor(workbench.page(), source));
		UiWait.until("the coverage annotations in the editor", TIMEOUT, () -> annotations(editor).size() == 67);
		List<String> marks = annotations(editor);
		assertEquals(60, marks.stream().filter(mark -> mark.endsWith("executed")).count(), marks.toString());
		assertTrue(marks.contains("90 org.chariot.ui.coverage.notExecuted"), "the -ENOSPC line never ran");
		assertTrue(marks.contains("98 org.chariot.ui.coverage.executed"), "the write's store of its position ran");
		Screenshots.save(workbench.page().getWorkbenchWindow().getShell(), "coverage-annotations");

		view.marksShown().setChecked(false);
		view.marksShown().run();
		UiWait.until("the annotations gone", TIMEOUT, () -> annotations(editor).isEmpty());
		view.marksShown().setChecked(true);
		view.marksShown().run();
		UiWait.until("the annotations back", TIMEOUT, () -> annotations(editor).size() == 67);
	}

	/** "line type" of each coverage annotation in the editor. */
	private static List<String> annotations(ITextEditor editor) {
		IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		List<String> found = new ArrayList<>();
		for (Iterator<Annotation> all = model.getAnnotationIterator(); all.hasNext();) {
			Annotation annotation = all.next();
			if (annotation.getType().startsWith("org.chariot.ui.coverage.")) {
				Position position = model.getPosition(annotation);
				try {
					found.add((document.getLineOfOffset(position.getOffset()) + 1) + " " + annotation.getType());
				} catch (org.eclipse.jface.text.BadLocationException e) {
					throw new AssertionError(e);
				}
			}
		}
		return found;
	}
}
