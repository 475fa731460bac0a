/**
 * The run's event stream as the IDE reads it: the JSON Lines file {@code chariot run --json} writes,
 * followed while it grows ({@link org.chariot.core.events.EventStreamFollower}), parsed into events
 * ({@link org.chariot.core.events.EventParser}; a malformed line is reported, not fatal) and gathered
 * per run ({@link org.chariot.core.events.ChariotRuns}, {@link org.chariot.core.events.ViolationModel})
 * for the views and markers. Headless: no UI classes here.
 */
package org.chariot.core.events;
