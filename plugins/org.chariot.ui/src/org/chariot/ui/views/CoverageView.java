package org.chariot.ui.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.chariot.core.coverage.ChariotCoverage;
import org.chariot.core.coverage.CoverageMarkers;
import org.chariot.core.coverage.SourceCoverage;
import org.chariot.core.events.SourceLocation;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * The newest run's line coverage, file by file (lines executed of the lines with code) and function by function
 * (entered how often). Double-click a function to open its first line; Show Coverage in Editors turns the executed and
 * never-executed line marks on and off.
 */
public final class CoverageView extends ViewPart {

	public static final String ID = "org.chariot.ui.views.coverage";

	/** A function under its file. */
	record FileFunction(SourceCoverage file, SourceCoverage.Function function) {
	}

	private final Consumer<ChariotCoverage.RunCoverage> published = coverage -> getSite().getShell().getDisplay()
			.asyncExec(() -> show(coverage));
	private final Action marksShown = new Action("Show Coverage in Editors", IAction.AS_CHECK_BOX) {
		@Override
		public void run() {
			ChariotCoverage.getDefault().latest().ifPresent(coverage -> mark(coverage, isChecked()));
		}
	};
	private TreeViewer viewer;

	@Override
	public void createPartControl(Composite parent) {
		viewer = new TreeViewer(parent, SWT.SINGLE | SWT.H_SCROLL | SWT.V_SCROLL);
		viewer.setContentProvider(new Content());
		viewer.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return label(element);
			}
		});
		viewer.addDoubleClickListener(event -> open(((IStructuredSelection) event.getSelection()).getFirstElement()));
		marksShown.setChecked(true);
		getViewSite().getActionBars().getToolBarManager().add(marksShown);
		ChariotCoverage.getDefault().addListener(published);
		ChariotCoverage.getDefault().latest().ifPresent(this::show);
	}

	/** Shows a run's coverage; on the UI thread. */
	public void show(ChariotCoverage.RunCoverage coverage) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		marksShown.setChecked(true);
		viewer.setInput(coverage.files());
		long lines = coverage.files().stream().mapToLong(f -> f.lines().size()).sum();
		long hit = coverage.files().stream().mapToLong(SourceCoverage::linesHit).sum();
		setContentDescription(coverage.launchConfiguration() + ": " + hit + " of " + lines + " lines executed ("
				+ percent(hit, lines) + ")");
	}

	static String label(Object element) {
		return switch (element) {
		case SourceCoverage file -> String.format("%s  %d of %d lines (%s), %d of %d functions entered",
				Path.of(file.file()).getFileName(), file.linesHit(), file.lines().size(),
				percent(file.linesHit(), file.lines().size()), file.functionsEntered(), file.functions().size());
		case FileFunction found -> found.function().name() + "  line " + found.function().line() + ", "
				+ (found.function().entered() == 0 ? "never entered" : "entered " + found.function().entered() + "x");
		default -> String.valueOf(element);
		};
	}

	private static String percent(long part, long whole) {
		return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
	}

	private void mark(ChariotCoverage.RunCoverage coverage, boolean shown) {
		CoverageMarkers markers = new CoverageMarkers(ResourcesPlugin.getWorkspace());
		try {
			if (shown) {
				markers.create(coverage.launchConfiguration(), coverage.files(),
						new SourceFileResolver(ResourcesPlugin.getWorkspace().getRoot(), List.of()));
			} else {
				markers.clear(coverage.launchConfiguration());
			}
		} catch (CoreException e) {
			ErrorDialog.openError(getSite().getShell(), "Cannot change the coverage marks", null, e.getStatus());
		}
	}

	private void open(Object element) {
		if (element instanceof FileFunction found) {
			try {
				new SourceOpener(List.of()).open(getSite().getPage(),
						new SourceLocation(found.file().file(), found.function().line(), found.function().name()));
			} catch (PartInitException e) {
				ErrorDialog.openError(getSite().getShell(), "Cannot open " + found.function().name(), null,
						e.getStatus());
			}
		}
	}

	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return parent instanceof SourceCoverage file
					? file.functions().stream().map(function -> new FileFunction(file, function)).toArray()
					: new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof SourceCoverage file && !file.functions().isEmpty();
		}
	}

	/** The tree, for tests. */
	public TreeViewer viewer() {
		return viewer;
	}

	/** The toggle of the editors' coverage marks, for tests. */
	public IAction marksShown() {
		return marksShown;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		ChariotCoverage.getDefault().removeListener(published);
		super.dispose();
	}
}
