/**
 * Markers the runs leave in the workspace: a violation at its source line ({@link
 * org.chariot.core.markers.ViolationMarkers}), set by a workspace job as the run reports them, and
 * problems of a launch configuration ({@link org.chariot.core.markers.ConfigurationMarkers}).
 */
package org.chariot.core.markers;
