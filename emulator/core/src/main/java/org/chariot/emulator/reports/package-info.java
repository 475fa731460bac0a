/**
 * What a run produces for CI systems and people beyond the console and the event stream: the run's
 * tests ({@link org.chariot.emulator.reports.RunTests}: each step of the guest's init and each KUnit
 * case, with the violations that happened while it ran) written as JUnit XML
 * ({@link org.chariot.emulator.reports.JUnitReport}), and its violations as SARIF 2.1.0
 * ({@link org.chariot.emulator.reports.SarifReport}) for code-scanning services.
 */
package org.chariot.emulator.reports;
