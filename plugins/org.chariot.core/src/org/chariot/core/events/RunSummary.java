package org.chariot.core.events;

import java.util.Map;

/** The last record of a run: violations counted by kind and how the run ended. */
public record RunSummary(long time, Map<String, Integer> countsByKind, int exitStatus) implements ChariotEvent {
}
