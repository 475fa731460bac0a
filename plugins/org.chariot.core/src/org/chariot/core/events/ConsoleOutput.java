package org.chariot.core.events;

/** Text the guest wrote to its console. */
public record ConsoleOutput(long time, String text) implements ChariotEvent {
}
