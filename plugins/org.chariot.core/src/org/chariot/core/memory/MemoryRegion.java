package org.chariot.core.memory;

import java.util.Optional;

import org.chariot.core.events.Address;
import org.chariot.core.events.SourceLocation;

/**
 * A range of guest memory an isolated module may write (or could, until it was freed or unloaded), as the memory map
 * shows it.
 *
 * @param label what the region is: a section's name, an allocator with its size, a rule's name
 * @param site where the driver asked for it, if known
 * @param live false once freed, revoked or unloaded: writes there are now violations
 */
public record MemoryRegion(Address start, long size, RegionKind kind, String module, String label,
		Optional<SourceLocation> site, boolean live) {

	/** The first address past the region. */
	public long end() {
		return start.value() + size;
	}

	public boolean contains(long address) {
		return Long.compareUnsigned(address - start.value(), size) < 0;
	}

	MemoryRegion ended() {
		return new MemoryRegion(start, size, kind, module, label, site, false);
	}

	/** One line for a tooltip: what, where, how big, whose. */
	public String describe() {
		return kind.title() + (label.isEmpty() ? "" : " " + label) + " of " + module + ": " + size + " bytes at "
				+ start + (live ? "" : " (" + kind.endedWord() + ")")
				+ site.map(location -> ", from " + location.function() + " (" + location + ")").orElse("");
	}
}
