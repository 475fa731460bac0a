package org.chariot.ui.views;

import java.util.Optional;
import java.util.function.Consumer;

import org.chariot.core.events.Address;
import org.chariot.core.events.ChariotRuns;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.memory.ViolationHits;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;

/**
 * The isolated driver's access control table as a picture: its sections, allocations, stack frames and the kernel
 * objects granted to it, and a red mark where each violation wrote. Follows the newest run, live. Double-click a mark
 * to open its C line.
 */
public final class MemoryMapView extends ViewPart {

	public static final String ID = "org.chariot.ui.views.memoryMap";

	private final Consumer<ViolationModel> runStarted = run -> getSite().getShell().getDisplay()
			.asyncExec(() -> show(run));
	private final ViolationModel.Listener mapChanged = new ViolationModel.Listener() {
		@Override
		public void violationsAdded(ViolationModel run, int added) {
			// memoryMapChanged follows every batch with violations
		}

		@Override
		public void memoryMapChanged(ViolationModel run) {
			refresh.request();
		}
	};
	/** A violation chosen in the Violations view is marked on the map and scrolled to. */
	private final ISelectionListener violationSelected = (part, selection) -> {
		if (selection instanceof IStructuredSelection chosen && chosen.getFirstElement() instanceof Violation violation) {
			highlight(violation);
		}
	};
	private final CoalescedRefresh refresh = new CoalescedRefresh("Refreshing the memory map", this::refreshMap);
	private ScrolledComposite scroller;
	private MemoryMapCanvas canvas;
	private ViolationModel model;

	@Override
	public void createPartControl(Composite parent) {
		scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
		canvas = new MemoryMapCanvas(scroller, this::laidOut);
		scroller.setContent(canvas);
		scroller.setExpandHorizontal(true);
		scroller.setExpandVertical(true);
		scroller.addListener(SWT.Resize, event -> fitCanvas());
		canvas.addListener(SWT.MouseDoubleClick, this::openSourceOfMark);
		getSite().getPage().addPostSelectionListener(ViolationsView.ID, violationSelected);
		ChariotRuns.getDefault().addListener(runStarted);
		ChariotRuns.getDefault().latest().ifPresent(this::show);
	}

	/** Shows a run's memory in place of the one shown; on the UI thread. */
	public void show(ViolationModel run) {
		if (canvas.isDisposed()) {
			return;
		}
		if (model != null) {
			model.removeListener(mapChanged);
		}
		model = run;
		run.addListener(mapChanged);
		refreshMap();
	}

	/** @return false: the layout job always takes the newest snapshot, nothing is left for a next time */
	private boolean refreshMap() {
		if (!canvas.isDisposed() && model != null) {
			ViolationModel shown = model; // the run now, not whichever the field holds when the job runs
			canvas.show(shown::memoryMap);
		}
		return false;
	}

	/** A new picture is drawn: say what it shows and let the scroller know its height. */
	private void laidOut() {
		if (model != null) {
			setContentDescription(model.name() + ": " + canvas.map().regions().size() + " regions, "
					+ canvas.map().hits().stream().mapToInt(ViolationHits::count).sum() + " violations");
		}
		fitCanvas();
	}

	private void fitCanvas() {
		scroller.setMinHeight(canvas.computeSize(scroller.getClientArea().width, SWT.DEFAULT).y);
	}

	private void highlight(Violation violation) {
		canvas.highlight(violation.address());
		canvas.laneOf(violation.address()).ifPresent(lane -> scroller.setOrigin(0,
				Math.max(0, lane.top() - MemoryMapLayout.MARGIN)));
	}

	private void openSourceOfMark(Event event) {
		Optional<ViolationHits> hits = canvas.hitsAt(event.x, event.y);
		if (hits.isEmpty() || model == null) {
			return;
		}
		try {
			new SourceOpener(model.moduleDirectories()).open(getSite().getPage(), hits.get().first().source());
		} catch (PartInitException e) {
			ErrorDialog.openError(getSite().getShell(), "Cannot open the source of violation " + hits.get().first().id(),
					null, e.getStatus());
		}
	}

	/** The run shown, if any. */
	public Optional<ViolationModel> model() {
		return Optional.ofNullable(model);
	}

	/** What is drawn where. */
	public MemoryMapLayout mapLayout() {
		return canvas.mapLayout();
	}

	/** The address of the violation chosen in the Violations view, ringed on the map. */
	public Optional<Address> highlighted() {
		return canvas.highlighted();
	}

	/** The drawing itself. */
	public Control canvas() {
		return canvas;
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	@Override
	public void dispose() {
		ChariotRuns.getDefault().removeListener(runStarted);
		getSite().getPage().removePostSelectionListener(ViolationsView.ID, violationSelected);
		if (model != null) {
			model.removeListener(mapChanged);
		}
		super.dispose();
	}
}
