/**
 * One run of drivers in the guest, as {@code chariot run}, the tests and the IDE do it: a
 * {@link org.chariot.emulator.run.RunRequest} (drivers, exercise, devices, isolation) becomes a
 * {@link org.chariot.emulator.run.DriverRun} that builds, boots a {@link
 * org.chariot.emulator.run.GuestMachine} (ours, with the monitor attached, or QEMU as the reference)
 * from scratch or from a boot snapshot, reads the init's protocol off the console ({@link
 * org.chariot.emulator.run.ConsoleTranscript}) and ends in a {@link
 * org.chariot.emulator.run.RunResult}; {@link org.chariot.emulator.run.RunListener}s see its events
 * as they happen.
 */
package org.chariot.emulator.run;
