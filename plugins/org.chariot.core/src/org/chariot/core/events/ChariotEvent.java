package org.chariot.core.events;

/** One record of the event stream (see schema/event-stream.schema.json). */
public sealed interface ChariotEvent permits RunStarted, ModuleChanged, GrantChanged, ConsoleOutput, Violation,
		TestResult, RunSummary {

	/** Guest time of the event, in nanoseconds. */
	long time();
}
