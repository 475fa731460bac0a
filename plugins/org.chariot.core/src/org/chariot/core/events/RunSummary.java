package org.chariot.core.events;

import java.util.Map;

/** The last record of a run: how it ended (as the chariot command's exit code says) and its violations by kind. */
public record RunSummary(long time, String status, int exitCode, String message, Map<String, Integer> violationsByKind)
		implements ChariotEvent {
}
