package org.chariot.core.events;

import java.util.List;
import java.util.Optional;

/** The first record of a run: what runs the guest and, once the monitor isolates, how. */
public record RunStarted(long time, String emulator, String kernel, String machine, Optional<String> policy,
		List<String> isolatedModules) implements ChariotEvent {
}
