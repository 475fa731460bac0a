package org.chariot.core.memory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.chariot.core.events.AllocationSite;
import org.chariot.core.events.ChariotEvent;
import org.chariot.core.events.GrantChanged;
import org.chariot.core.events.ModuleChanged;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationKind;

/**
 * Follows a run's records into its memory map: sections from module loads, grants and revocations when the stream has
 * them, and otherwise the objects that violations name as nearest. Not thread-safe: the run's model guards it.
 */
public final class MemoryMapBuilder {

	/** Keyed by start address, unsigned: kernel addresses are "negative" longs. */
	private final TreeMap<Long, MemoryRegion> regions = new TreeMap<>(Long::compareUnsigned);
	private final TreeMap<Long, ViolationHits> hits = new TreeMap<>(Long::compareUnsigned);

	/** @return whether the map changed */
	public boolean take(ChariotEvent event) {
		return switch (event) {
		case ModuleChanged module when module.loaded() -> addSections(module);
		case ModuleChanged module -> endAll(module.name(), RegionKind.SECTION);
		case GrantChanged grant when grant.granted() -> add(new MemoryRegion(grant.address(), grant.size(),
				kindOf(grant.kind()), grant.module(), grant.origin(), grant.site(), true));
		case GrantChanged grant -> revoke(grant);
		case Violation violation -> hit(violation);
		default -> false;
		};
	}

	public MemoryMap snapshot() {
		return new MemoryMap(new ArrayList<>(regions.values()), new ArrayList<>(hits.values()));
	}

	private boolean addSections(ModuleChanged module) {
		boolean changed = false;
		for (ModuleChanged.Section section : module.sections()) {
			if (section.size() > 0) {
				changed |= add(new MemoryRegion(section.address(), section.size(), RegionKind.SECTION, module.name(),
						section.name(), Optional.empty(), true));
			}
		}
		return changed;
	}

	/** A new region replaces whatever overlapped it: that memory was freed and reused. */
	private boolean add(MemoryRegion region) {
		removeOverlapping(region.start().value(), region.end());
		regions.put(region.start().value(), region);
		return true;
	}

	private void removeOverlapping(long start, long end) {
		Map.Entry<Long, MemoryRegion> before = regions.lowerEntry(start);
		if (before != null && Long.compareUnsigned(before.getValue().end(), start) > 0) {
			regions.remove(before.getKey());
		}
		regions.subMap(start, true, end, false).clear();
	}

	private boolean revoke(GrantChanged grant) {
		MemoryRegion region = regions.get(grant.address().value());
		if (region == null || !region.live()) {
			return false;
		}
		regions.put(region.start().value(), region.ended());
		return true;
	}

	private boolean endAll(String module, RegionKind kind) {
		boolean changed = false;
		for (Iterator<Map.Entry<Long, MemoryRegion>> entries = regions.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<Long, MemoryRegion> entry = entries.next();
			MemoryRegion region = entry.getValue();
			if (region.module().equals(module) && region.kind() == kind && region.live()) {
				entry.setValue(region.ended());
				changed = true;
			}
		}
		return changed;
	}

	/** Records where the violation wrote, and the object it names if no grant record showed that object. */
	private boolean hit(Violation violation) {
		hits.merge(violation.address().value(), new ViolationHits(violation.address(), violation, 1),
				(known, added) -> known.another());
		violation.allocation().ifPresent(object -> addNamedObject(violation, object));
		return true;
	}

	/** Grant records, when the stream has them, know more about an object than a violation does: they win. */
	private void addNamedObject(Violation violation, AllocationSite object) {
		long start = object.address().value();
		if (object.size() > 0 && !overlapsAny(start, start + object.size())) {
			regions.put(start, new MemoryRegion(object.address(), object.size(), RegionKind.NEAREST_OBJECT,
					violation.module(), "", object.source(), violation.kind() != ViolationKind.USE_AFTER_FREE));
		}
	}

	private boolean overlapsAny(long start, long end) {
		Map.Entry<Long, MemoryRegion> before = regions.lowerEntry(start);
		return before != null && Long.compareUnsigned(before.getValue().end(), start) > 0
				|| !regions.subMap(start, true, end, false).isEmpty();
	}

	private static RegionKind kindOf(GrantChanged.Kind kind) {
		return switch (kind) {
		case ALLOCATION -> RegionKind.ALLOCATION;
		case STACK -> RegionKind.STACK;
		case RULE -> RegionKind.RULE;
		case SECTION -> RegionKind.SECTION;
		};
	}
}
