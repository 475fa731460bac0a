/**
 * Snapshots of a running machine: the one small interface through which the hart and each device
 * save and restore their state. The machine package writes the snapshot file; the run package
 * keeps one per guest kit and machine configuration.
 */
package org.chariot.emulator.snapshot;
