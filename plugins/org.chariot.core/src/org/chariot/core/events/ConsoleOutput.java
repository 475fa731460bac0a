package org.chariot.core.events;

/** One line the guest wrote to its console. */
public record ConsoleOutput(long time, String line) implements ChariotEvent {
}
