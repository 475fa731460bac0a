package org.chariot.core.events;

import java.util.List;

/** A module was loaded into or unloaded from the guest. */
public record ModuleChanged(long time, String name, boolean loaded, String hostPath, List<Section> sections)
		implements ChariotEvent {

	/** One section of a loaded module, at its address in the guest. */
	public record Section(String name, Address address, long size) {
	}
}
