package org.chariot.ui.views;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.chariot.core.events.ChariotRuns;
import org.chariot.core.events.KunitSuite;
import org.chariot.core.events.TestResult;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.launch.ILaunchAttributes;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
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
 * The KUnit suites of the newest run as a tree: each suite with its counts, each case with its result and, under it,
 * the violations that happened while it ran. Double-click a case to open the line its function begins on (a violation:
 * its line); Rerun This Case launches the run's configuration again with only that case (its KUnit filter).
 */
public final class KunitView extends ViewPart {

	public static final String ID = "org.chariot.ui.views.kunit";

	/** A violation under the case it happened in. */
	record CaseViolation(TestResult test, Violation violation) {
	}

	private final Consumer<ViolationModel> runStarted = run -> getSite().getShell().getDisplay()
			.asyncExec(() -> show(run));
	private final ViolationModel.Listener testsChanged = new ViolationModel.Listener() {
		@Override
		public void violationsAdded(ViolationModel run, int added) {
			// a violation shows under its case once the case's result arrives
		}

		@Override
		public void testsChanged(ViolationModel run) {
			refresh.request();
		}
	};
	private final CoalescedRefresh refresh = new CoalescedRefresh("Refreshing the KUnit results", this::refreshTree);
	private TreeViewer viewer;
	private ViolationModel model;

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
		viewer.addDoubleClickListener(event -> openSource(event.getSelection()));
		MenuManager menu = new MenuManager();
		menu.add(new Action("Rerun This Case") {
			@Override
			public void run() {
				selectedCase().ifPresent(KunitView.this::rerun);
			}
		});
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().setSelectionProvider(viewer);
		ChariotRuns.getDefault().addListener(runStarted);
		ChariotRuns.getDefault().latest().ifPresent(this::show);
	}

	/** Shows a run's KUnit results in place of the ones shown; on the UI thread. */
	public void show(ViolationModel run) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (model != null) {
			model.removeListener(testsChanged);
		}
		model = run;
		run.addListener(testsChanged);
		refreshTree();
	}

	private boolean refreshTree() {
		if (!viewer.getControl().isDisposed() && model != null) {
			List<KunitSuite> suites = KunitSuite.of(model.tests());
			viewer.setInput(suites);
			viewer.expandAll();
			long cases = suites.stream().mapToLong(s -> s.cases().size()).sum();
			long failed = suites.stream().mapToLong(s -> s.count(TestResult.Outcome.FAILED)).sum();
			long violated = suites.stream().mapToLong(KunitSuite::withViolations).sum();
			setContentDescription(model.name() + ": " + suites.size() + " suites, " + cases + " cases, " + failed
					+ " failed, " + violated + " with violations");
		}
		return false;
	}

	static String label(Object element) {
		return switch (element) {
		case KunitSuite suite -> String.format("%s  (%d passed, %d failed, %d skipped, %d with violations)",
				suite.name(), suite.count(TestResult.Outcome.PASSED), suite.count(TestResult.Outcome.FAILED),
				suite.count(TestResult.Outcome.SKIPPED), suite.withViolations());
		case TestResult test -> verdict(test) + "  " + test.name()
				+ (test.message().isEmpty() ? "" : ": " + test.message());
		case CaseViolation found -> "#" + found.violation().id() + " " + found.violation().kind().wireName() + " at "
				+ found.violation().source();
		default -> String.valueOf(element);
		};
	}

	private static String verdict(TestResult test) {
		return switch (test.outcome()) {
		case PASSED -> test.violationIds().isEmpty() ? "passed" : "VIOLATED";
		case FAILED, ERROR -> "FAILED";
		case SKIPPED -> "skipped";
		};
	}

	private final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return switch (parent) {
			case KunitSuite suite -> suite.cases().toArray();
			case TestResult test -> test.violationIds().stream().map(id -> model.violation(id))
					.flatMap(Optional::stream).map(violation -> new CaseViolation(test, violation)).toArray();
			default -> new Object[0];
			};
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return getChildren(element).length > 0;
		}
	}

	private Optional<TestResult> selectedCase() {
		Object chosen = viewer.getStructuredSelection().getFirstElement();
		return chosen instanceof TestResult test ? Optional.of(test)
				: chosen instanceof CaseViolation found ? Optional.of(found.test()) : Optional.empty();
	}

	private void openSource(org.eclipse.jface.viewers.ISelection selection) {
		Object chosen = selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
		try {
			if (chosen instanceof TestResult test && test.source().isPresent()) {
				new SourceOpener(model.moduleDirectories()).open(getSite().getPage(), test.source().get());
			} else if (chosen instanceof CaseViolation found) {
				new SourceOpener(model.moduleDirectories()).open(getSite().getPage(), found.violation().source());
			}
		} catch (PartInitException e) {
			ErrorDialog.openError(getSite().getShell(), "Cannot open the source", null, e.getStatus());
		}
	}

	/** Launches the run's configuration again, with only {@code test} selected by its KUnit filter. */
	public void rerun(TestResult test) {
		try {
			for (ILaunchConfiguration configuration : DebugPlugin.getDefault().getLaunchManager()
					.getLaunchConfigurations()) {
				if (configuration.getName().equals(model.name())) {
					ILaunchConfigurationWorkingCopy copy = configuration.getWorkingCopy();
					copy.setAttribute(ILaunchAttributes.KUNIT, true);
					copy.setAttribute(ILaunchAttributes.KUNIT_FILTER, test.suite() + "." + test.name());
					DebugUITools.launch(copy, ILaunchManager.RUN_MODE);
					return;
				}
			}
			throw new CoreException(org.eclipse.core.runtime.Status.error("No launch configuration named "
					+ model.name() + " to rerun: the run was opened from a file. Run its configuration instead."));
		} catch (CoreException e) {
			ErrorDialog.openError(getSite().getShell(), "Cannot rerun " + test.suite() + "." + test.name(), null,
					e.getStatus());
		}
	}

	/** The tree, for tests. */
	public TreeViewer viewer() {
		return viewer;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		ChariotRuns.getDefault().removeListener(runStarted);
		if (model != null) {
			model.removeListener(testsChanged);
		}
		super.dispose();
	}
}
