package org.chariot.core.events;

import java.util.List;

/** The first record of a run: what ran it and how it isolates. */
public record RunStarted(long time, String emulatorVersion, String kernel, String policy, List<String> isolatedModules)
		implements ChariotEvent {
}
