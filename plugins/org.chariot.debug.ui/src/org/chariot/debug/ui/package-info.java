/**
 * The debugger's UI: the launch shortcut (Run As / Debug As > Chariot Driver on a driver project),
 * line breakpoints toggled in the C editor, the model's presentation, and "Break on this write" from
 * a violation.
 */
package org.chariot.debug.ui;
