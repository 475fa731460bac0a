package org.chariot.core.memory;

import java.util.List;

/** A snapshot of an isolated run's memory as the monitor sees it: regions in address order and where violations hit. */
public record MemoryMap(List<MemoryRegion> regions, List<ViolationHits> hits) {

	public static final MemoryMap EMPTY = new MemoryMap(List.of(), List.of());

	public MemoryMap {
		regions = List.copyOf(regions);
		hits = List.copyOf(hits);
	}

	public boolean isEmpty() {
		return regions.isEmpty() && hits.isEmpty();
	}
}
