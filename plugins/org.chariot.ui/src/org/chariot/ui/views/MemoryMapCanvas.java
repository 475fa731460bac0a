package org.chariot.ui.views;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.chariot.core.events.Address;
import org.chariot.core.memory.MemoryMap;
import org.chariot.core.memory.MemoryRegion;
import org.chariot.core.memory.RegionKind;
import org.chariot.core.memory.ViolationHits;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/** Draws a {@link MemoryMap} with plain SWT: a legend, then one lane per stretch of memory. */
final class MemoryMapCanvas extends Canvas {

	private static final Map<RegionKind, Color> COLORS = Map.of( //
			RegionKind.SECTION, new Color(0x5b, 0x8d, 0xd6), //
			RegionKind.ALLOCATION, new Color(0x5c, 0xb8, 0x5c), //
			RegionKind.STACK, new Color(0xf0, 0xad, 0x4e), //
			RegionKind.RULE, new Color(0x9b, 0x7b, 0xc8), //
			RegionKind.NEAREST_OBJECT, new Color(0x4d, 0xb6, 0xac));
	/** Freed or unloaded regions keep their kind's colour, faded: after a run everything has ended. */
	private static final int ENDED_FADE_PERCENT = 60;
	private static final Color UNOWNED = new Color(0xf2, 0xf2, 0xf2);
	private static final Color VIOLATION = new Color(0xd9, 0x30, 0x25);
	private static final int SWATCH = 12;
	private static final int MARK_HEIGHT = 7;
	private static final int HIGHLIGHT_HALF_WIDTH = 8;
	private static final String EMPTY_MESSAGE = "No isolated module yet: run a Chariot Driver configuration, or open an"
			+ " event file in the Violations view.";

	private final MemoryMapLayoutJob layoutJob;
	private Supplier<MemoryMap> source = () -> MemoryMap.EMPTY;
	private MemoryMap map = MemoryMap.EMPTY;
	private MemoryMapLayout layout = MemoryMapLayout.of(map, 0);
	private Optional<Address> highlighted = Optional.empty();

	/** @param laidOut told on the UI thread each time a new picture is ready */
	MemoryMapCanvas(Composite parent, Runnable laidOut) {
		super(parent, SWT.DOUBLE_BUFFERED);
		layoutJob = new MemoryMapLayoutJob(getDisplay(), result -> {
			if (!isDisposed()) {
				map = result.map();
				layout = result.layout();
				redraw();
				laidOut.run();
			}
		});
		addPaintListener(event -> paint(event.gc));
		addListener(SWT.Resize, event -> relayout());
		addListener(SWT.MouseMove, event -> setToolTipText(describe(event.x, event.y).orElse(null)));
		addListener(SWT.Dispose, event -> layoutJob.cancel());
	}

	/** Shows what the source gives now, laid out in the background; call again when it changed. */
	void show(Supplier<MemoryMap> shown) {
		source = shown;
		relayout();
	}

	MemoryMap map() {
		return map;
	}

	MemoryMapLayout mapLayout() {
		return layout;
	}

	/** Rings the mark at the address (the violation chosen elsewhere). */
	void highlight(Address address) {
		highlighted = Optional.of(address);
		redraw();
	}

	Optional<Address> highlighted() {
		return highlighted;
	}

	Optional<MemoryMapLayout.Lane> laneOf(Address address) {
		return layout.lanes().stream().filter(lane -> lane.hits().stream()
				.anyMatch(placed -> placed.hits().address().equals(address))).findFirst();
	}

	Optional<ViolationHits> hitsAt(int x, int y) {
		return layout.hitsAt(x, y);
	}

	/** As tall as the lanes laid out last. */
	@Override
	public Point computeSize(int widthHint, int heightHint, boolean changed) {
		return new Point(widthHint == SWT.DEFAULT ? 600 : widthHint, layout.height());
	}

	private void relayout() {
		layoutJob.request(source, getClientArea().width);
	}

	private Optional<String> describe(int x, int y) {
		Optional<String> hit = layout.hitsAt(x, y).map(ViolationHits::describe);
		return hit.isPresent() ? hit : layout.regionAt(x, y).map(MemoryRegion::describe);
	}

	private void paint(GC gc) {
		gc.setAntialias(SWT.ON);
		if (map.isEmpty()) {
			gc.drawText(EMPTY_MESSAGE, MemoryMapLayout.MARGIN, MemoryMapLayout.MARGIN, true);
			return;
		}
		paintLegend(gc);
		for (MemoryMapLayout.Lane lane : layout.lanes()) {
			paintLane(gc, lane);
		}
	}

	private void paintLegend(GC gc) {
		int x = MemoryMapLayout.MARGIN;
		for (RegionKind kind : RegionKind.values()) {
			x = paintSwatch(gc, x, COLORS.get(kind), kind.title());
		}
		x = paintSwatch(gc, x, faded(COLORS.get(RegionKind.ALLOCATION)), "freed / unloaded (faded)");
		paintSwatch(gc, x, VIOLATION, "violation");
	}

	private static int paintSwatch(GC gc, int x, Color color, String text) {
		gc.setBackground(color);
		gc.fillRectangle(x, MemoryMapLayout.MARGIN, SWATCH, SWATCH);
		gc.drawText(text, x + SWATCH + 4, MemoryMapLayout.MARGIN - 2, true);
		return x + SWATCH + 4 + gc.textExtent(text).x + 16;
	}

	private void paintLane(GC gc, MemoryMapLayout.Lane lane) {
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
		gc.drawText(lane.title(), MemoryMapLayout.MARGIN, lane.top(), true);
		gc.setBackground(UNOWNED);
		gc.fillRectangle(MemoryMapLayout.MARGIN, lane.barTop(), getClientArea().width - 2 * MemoryMapLayout.MARGIN,
				MemoryMapLayout.BAR_HEIGHT);
		for (MemoryMapLayout.PlacedRegion placed : lane.regions()) {
			paintRegion(gc, placed.region(), placed.bounds());
		}
		int lastX = Integer.MIN_VALUE;
		for (MemoryMapLayout.PlacedHits placed : lane.hits()) {
			if (placed.x() != lastX) { // marks in one pixel column look like one: draw it once
				paintHits(gc, placed, lane.barTop());
				lastX = placed.x();
			}
		}
		if (lane.regions().isEmpty()) {
			paintTargets(gc, lane);
		}
		highlighted.ifPresent(address -> lane.hits().stream()
				.filter(placed -> placed.hits().address().equals(address)).findFirst()
				.ifPresent(placed -> paintHighlight(gc, placed.x(), lane.barTop())));
	}

	private void paintHighlight(GC gc, int x, int barTop) {
		gc.setForeground(VIOLATION);
		gc.setLineWidth(2);
		gc.drawRectangle(x - HIGHLIGHT_HALF_WIDTH, barTop - MARK_HEIGHT - 3, 2 * HIGHLIGHT_HALF_WIDTH,
				MemoryMapLayout.BAR_HEIGHT + MARK_HEIGHT + 6);
		gc.setLineWidth(1);
	}

	/** In memory the module does not own there is no region to read: name what each violation hit. */
	private static void paintTargets(GC gc, MemoryMapLayout.Lane lane) {
		gc.setForeground(VIOLATION);
		for (MemoryMapLayout.PlacedHits placed : lane.hits()) {
			String target = placed.hits().first().target() + " (" + placed.hits().first().kind() + ")";
			gc.drawText(target, placed.x() + 4, lane.barTop() + (MemoryMapLayout.BAR_HEIGHT - gc.textExtent(target).y) / 2,
					true);
		}
	}

	private static Color faded(Color color) {
		return new Color(fade(color.getRed()), fade(color.getGreen()), fade(color.getBlue()));
	}

	private static int fade(int component) {
		return component + (255 - component) * ENDED_FADE_PERCENT / 100;
	}

	/** Draws what fits of the region's name, size and state; the tooltip tells the rest. */
	private void paintRegion(GC gc, MemoryRegion region, Rectangle bounds) {
		gc.setBackground(region.live() ? COLORS.get(region.kind()) : faded(COLORS.get(region.kind())));
		gc.fillRectangle(bounds);
		gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
		gc.drawRectangle(bounds.x, bounds.y, bounds.width, bounds.height - 1);
		String name = region.label().isEmpty() ? region.kind().title() : region.label();
		String sized = name + " " + region.size();
		String ended = region.live() ? sized : sized + " (" + region.kind().endedWord() + ")";
		for (String label : List.of(ended, sized, name)) {
			Point extent = gc.textExtent(label);
			if (extent.x + 6 <= bounds.width) {
				gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
				gc.drawText(label, bounds.x + 3, bounds.y + (bounds.height - extent.y) / 2, true);
				return;
			}
		}
	}

	private void paintHits(GC gc, MemoryMapLayout.PlacedHits placed, int barTop) {
		int x = placed.x();
		gc.setForeground(VIOLATION);
		gc.setBackground(VIOLATION);
		gc.setLineWidth(2);
		gc.drawLine(x, barTop, x, barTop + MemoryMapLayout.BAR_HEIGHT);
		gc.setLineWidth(1);
		gc.fillPolygon(new int[] { x - 5, barTop - MARK_HEIGHT, x + 5, barTop - MARK_HEIGHT, x, barTop });
		if (placed.hits().count() > 1) {
			gc.drawText("×" + placed.hits().count(), x + 6, barTop - MARK_HEIGHT - 9, true);
		}
	}
}
