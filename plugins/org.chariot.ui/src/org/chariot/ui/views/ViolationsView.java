package org.chariot.ui.views;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import org.chariot.core.events.ChariotRuns;
import org.chariot.core.events.EventFiles;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.PixelConverter;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * The violations of one run, newest run first: a virtual table that stays responsive with 100 000 rows, fed in
 * batches, with the details of the selected violation below it. Double-click opens the C line. A filter keeps the rows
 * whose cells contain its text; grouping by site shows one row per source line with its count.
 */
public final class ViolationsView extends ViewPart {

	public static final String ID = "org.chariot.ui.views.violations";

	/**
	 * Even a virtual table costs the UI thread time for each row it adds (GTK stores every row), so a large batch is
	 * shown in steps of this many rows, one step per refresh.
	 */
	private static final int MOST_ROWS_ADDED_AT_ONCE = 5_000;

	private final Consumer<ViolationModel> runStarted = run -> getSite().getShell().getDisplay()
			.asyncExec(() -> show(run));
	private TableViewer viewer;
	private Text details;
	private ViolationModel model;
	private ViolationRows rows;
	private String filter = "";
	private boolean bySite;
	private Text filterText;
	private Button groupButton;
	private volatile CoalescedRefresh refresh;
	private final ViolationModel.Listener violationsAdded = (run, added) -> refresh.request();

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().applyTo(parent);
		createFilterBar(parent);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		viewer = new TableViewer(sash, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.BORDER);
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new LazyViolationContentProvider(viewer));
		createColumns(viewer.getTable());
		details = new Text(sash, SWT.READ_ONLY | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
		details.setFont(JFaceResources.getTextFont());
		sash.setWeights(3, 1);
		viewer.addSelectionChangedListener(event -> selected().ifPresent(v -> details.setText(ViolationDetails.describe(v))));
		viewer.addDoubleClickListener(event -> selected().ifPresent(this::openSource));
		getViewSite().getActionBars().getToolBarManager().add(new OpenEventFileAction());
		getSite().setSelectionProvider(viewer);
		createContextMenu();
		ChariotRuns.getDefault().addListener(runStarted);
		ChariotRuns.getDefault().latest().ifPresent(this::show);
	}

	private void createFilterBar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(bar);
		filterText = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage("Filter: kind, module, function, file, address, target...");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		filterText.addModifyListener(event -> setFilter(filterText.getText()));
		groupButton = new Button(bar, SWT.CHECK);
		groupButton.setText("Group by site");
		groupButton.addSelectionListener(
				SelectionListener.widgetSelectedAdapter(event -> setGroupBySite(groupButton.getSelection())));
	}

	/** Shows only the violations with a cell that contains {@code text} (any case); empty shows all. */
	public void setFilter(String text) {
		if (text.equals(filter)) {
			return;
		}
		filter = text;
		filterText.setText(text);
		restartRows();
	}

	/** Shows one row per site (module and source line) with its count, or every violation. */
	public void setGroupBySite(boolean group) {
		bySite = group;
		groupButton.setSelection(group);
		restartRows();
	}

	private void restartRows() {
		if (model != null) {
			show(model);
		}
	}

	/** Other bundles add to the rows' menu (e.g. "Break on this write"); they see the selected violation. */
	private void createContextMenu() {
		MenuManager menu = new MenuManager();
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(menu, viewer);
	}

	private void createColumns(Table table) {
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		PixelConverter pixels = new PixelConverter(table);
		for (ViolationColumn column : ViolationColumn.values()) {
			TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
			viewerColumn.getColumn().setText(column.header());
			viewerColumn.getColumn().setWidth(pixels.convertWidthInCharsToPixels(column.widthInCharacters()));
			viewerColumn.setLabelProvider(new ColumnLabelProvider() {
				@Override
				public String getText(Object element) {
					return column.text((Violation) element);
				}
			});
		}
		TableViewerColumn count = new TableViewerColumn(viewer, SWT.RIGHT);
		count.getColumn().setText("Count");
		count.getColumn().setWidth(pixels.convertWidthInCharsToPixels(7));
		count.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return Integer.toString(rows.count((Violation) element));
			}
		});
	}

	/** Shows a run (live or recorded) in place of the one shown; on the UI thread. */
	public void show(ViolationModel run) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (model != null) {
			model.removeListener(violationsAdded);
		}
		model = run;
		rows = new ViolationRows(run, filter, bySite);
		refresh = new CoalescedRefresh("Refreshing the Violations view", this::refreshRows);
		viewer.setItemCount(0);
		viewer.setInput(rows);
		details.setText("");
		run.addListener(violationsAdded);
		if (refreshRows()) {
			refresh.request();
		}
	}

	/** Reads a recorded run in the background, then shows it here and in the other views that follow runs. */
	public void load(Path eventFile) {
		Job.create("Loading Chariot event file " + eventFile, monitor -> {
			try {
				ChariotRuns.getDefault().started(EventFiles.load(eventFile));
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error("Cannot read the event file " + eventFile + ": " + e.getMessage(), e);
			}
		}).schedule();
	}

	/** The run shown, if any. */
	public Optional<ViolationModel> model() {
		return Optional.ofNullable(model);
	}

	/** @return true if the model has more rows than the table shows now */
	private boolean refreshRows() {
		if (viewer.getControl().isDisposed() || model == null) {
			return false;
		}
		boolean more = rows.follow(MOST_ROWS_ADDED_AT_ONCE);
		viewer.setItemCount(rows.size());
		if (bySite) {
			viewer.getTable().clearAll(); // the counts of rows already shown change; only visible rows are asked again
		}
		setContentDescription(describeRows());
		return more;
	}

	private String describeRows() {
		int shown = rows.size();
		String text = model.name() + ": " + shown + (bySite ? (shown == 1 ? " site" : " sites")
				: shown == 1 ? " violation" : " violations");
		if (bySite || !filter.isBlank()) {
			text += " of " + rows.read() + " violations" + (filter.isBlank() ? "" : " matching '" + filter.strip() + "'");
		}
		return text;
	}

	private Optional<Violation> selected() {
		Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		return first instanceof Violation violation ? Optional.of(violation) : Optional.empty();
	}

	private void openSource(Violation violation) {
		try {
			new SourceOpener(model.moduleDirectories()).open(getSite().getPage(), violation.source());
		} catch (PartInitException e) {
			ErrorDialog.openError(getSite().getShell(), "Cannot open the source of violation " + violation.id(), null,
					e.getStatus());
		}
	}

	public TableViewer viewer() {
		return viewer;
	}

	/** What the details pane shows about the selected violation. */
	public String detailsText() {
		return details.getText();
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		ChariotRuns.getDefault().removeListener(runStarted);
		if (model != null) {
			model.removeListener(violationsAdded);
		}
		super.dispose();
	}

	/** Loads a run recorded by 'chariot run --json' or by an earlier launch. */
	private final class OpenEventFileAction extends Action {

		OpenEventFileAction() {
			super("Open Event File...");
			setToolTipText("Show the violations of a recorded run (.jsonl)");
		}

		@Override
		public void run() {
			FileDialog dialog = new FileDialog(getSite().getShell(), SWT.OPEN);
			dialog.setText("Open Chariot Event File");
			dialog.setFilterExtensions(new String[] { "*.jsonl", "*" });
			String chosen = dialog.open();
			if (chosen != null) {
				load(Path.of(chosen));
			}
		}
	}
}
