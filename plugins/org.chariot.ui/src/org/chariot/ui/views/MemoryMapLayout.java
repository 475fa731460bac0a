package org.chariot.ui.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chariot.core.events.Address;
import org.chariot.core.memory.MemoryMap;
import org.chariot.core.memory.MemoryRegion;
import org.chariot.core.memory.ViolationHits;
import org.eclipse.swt.graphics.Rectangle;

/**
 * Where the memory map puts things: one lane per stretch of memory (module image, heap, kernel data are far apart),
 * each lane a bar of regions on its own {@link AddressScale}, violations as marks at the address they wrote.
 */
public final class MemoryMapLayout {

	static final int MARGIN = 8;
	static final int LEGEND_HEIGHT = 24;
	static final int TITLE_HEIGHT = 18;
	static final int BAR_HEIGHT = 34;
	static final int LANE_SPACING = 24;
	/** Memory further apart than this goes into separate lanes. */
	static final long LANE_GAP = 1L << 20;
	/** How close (pixels) the pointer must be to a violation mark to be on it. */
	private static final int HIT_SLOP = 3;

	public record PlacedRegion(MemoryRegion region, Rectangle bounds) {
	}

	public record PlacedHits(ViolationHits hits, int x) {
	}

	public record Lane(String title, int top, List<PlacedRegion> regions, List<PlacedHits> hits) {

		public int barTop() {
			return top + TITLE_HEIGHT;
		}

		boolean barContains(int y) {
			return y >= barTop() - HIT_SLOP && y < barTop() + BAR_HEIGHT + HIT_SLOP;
		}
	}

	/** Something on the map: a region or a violation, with its start and first address past it. */
	private record Item(long start, long end, Object payload) {
	}

	private final List<Lane> lanes;
	private final int width;

	private MemoryMapLayout(List<Lane> lanes, int width) {
		this.lanes = List.copyOf(lanes);
		this.width = width;
	}

	static MemoryMapLayout of(MemoryMap map, int width) {
		List<Item> items = new ArrayList<>();
		map.regions().forEach(region -> items.add(new Item(region.start().value(), region.end(), region)));
		map.hits().forEach(hits -> items.add(new Item(hits.address().value(),
				hits.address().value() + hits.first().size(), hits)));
		items.sort(Comparator.comparing(Item::start, Long::compareUnsigned));
		List<Lane> lanes = new ArrayList<>();
		int barWidth = Math.max(width - 2 * MARGIN, 100);
		for (List<Item> stretch : stretches(items)) {
			int top = MARGIN + LEGEND_HEIGHT + lanes.size() * (TITLE_HEIGHT + BAR_HEIGHT + LANE_SPACING);
			lanes.add(lane(stretch, top, barWidth));
		}
		return new MemoryMapLayout(lanes, width);
	}

	private static List<List<Item>> stretches(List<Item> sorted) {
		List<List<Item>> stretches = new ArrayList<>();
		List<Item> current = new ArrayList<>();
		long end = 0;
		for (Item item : sorted) {
			if (!current.isEmpty() && Long.compareUnsigned(item.start(), end) > 0 && item.start() - end > LANE_GAP) {
				stretches.add(current);
				current = new ArrayList<>();
			}
			if (current.isEmpty() || Long.compareUnsigned(item.end(), end) > 0) {
				end = item.end();
			}
			current.add(item);
		}
		if (!current.isEmpty()) {
			stretches.add(current);
		}
		return stretches;
	}

	private static Lane lane(List<Item> items, int top, int barWidth) {
		TreeSet<Long> points = new TreeSet<>(Long::compareUnsigned);
		items.forEach(item -> {
			points.add(item.start());
			points.add(item.end());
		});
		long[] boundaries = points.stream().mapToLong(Long::longValue).toArray();
		List<MemoryRegion> regions = items.stream().filter(item -> item.payload() instanceof MemoryRegion)
				.map(item -> (MemoryRegion) item.payload()).toList();
		boolean[] owned = owned(boundaries, regions);
		AddressScale scale = new AddressScale(boundaries, owned, MARGIN, barWidth);
		int barTop = top + TITLE_HEIGHT;
		List<PlacedRegion> placedRegions = regions.stream().map(region -> {
			int left = scale.x(region.start().value());
			int right = scale.x(region.end());
			return new PlacedRegion(region, new Rectangle(left, barTop, Math.max(right - left, 1), BAR_HEIGHT));
		}).toList();
		List<PlacedHits> placedHits = items.stream().filter(item -> item.payload() instanceof ViolationHits)
				.map(item -> new PlacedHits((ViolationHits) item.payload(), scale.x(item.start()))).toList();
		return new Lane(title(regions, boundaries), top, placedRegions, placedHits);
	}

	/**
	 * Which pieces between boundaries lie in a region: one sweep, since both are in address order and regions do not
	 * overlap (100 000 violation marks make as many boundaries).
	 */
	private static boolean[] owned(long[] boundaries, List<MemoryRegion> regions) {
		boolean[] owned = new boolean[boundaries.length - 1];
		int next = 0;
		for (int i = 0; i < owned.length; i++) {
			while (next < regions.size() && Long.compareUnsigned(regions.get(next).end(), boundaries[i]) <= 0) {
				next++;
			}
			owned[i] = next < regions.size() && regions.get(next).contains(boundaries[i]);
		}
		return owned;
	}

	private static String title(List<MemoryRegion> regions, long[] boundaries) {
		String range = new Address(boundaries[0]) + " – " + new Address(boundaries[boundaries.length - 1]);
		String modules = regions.stream().map(MemoryRegion::module).distinct().collect(Collectors.joining(", "));
		return (modules.isEmpty() ? "memory the module does not own" : modules) + "   " + range;
	}

	/** The width it was laid out for. */
	public int width() {
		return width;
	}

	public List<Lane> lanes() {
		return lanes;
	}

	int height() {
		return MARGIN + LEGEND_HEIGHT + lanes.size() * (TITLE_HEIGHT + BAR_HEIGHT + LANE_SPACING);
	}

	/** The violations marked at the point, if the pointer is on a mark. */
	public Optional<ViolationHits> hitsAt(int x, int y) {
		return lanes.stream().filter(lane -> lane.barContains(y)).flatMap(lane -> lane.hits().stream())
				.filter(placed -> Math.abs(placed.x() - x) <= HIT_SLOP).map(PlacedHits::hits).findFirst();
	}

	/** The region at the point, if any. */
	Optional<MemoryRegion> regionAt(int x, int y) {
		return lanes.stream().flatMap(lane -> lane.regions().stream())
				.filter(placed -> placed.bounds().contains(x, y)).map(PlacedRegion::region).findFirst();
	}
}
