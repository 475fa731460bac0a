/**
 * The run's event stream (JSON Lines, its schema in {@code plugins/org.chariot.core/schema}): one
 * record a line, written as things happen by {@link org.chariot.emulator.events.EventStream} and
 * built with {@link org.chariot.emulator.events.JsonObject}; the IDE follows the file while the run
 * goes on.
 */
package org.chariot.emulator.events;
