/**
 * Line coverage of isolated drivers without a special kernel: the emulator sees every instruction
 * the driver executes. {@link org.chariot.emulator.coverage.ExecutionCounts} counts them per
 * instruction (and which way each conditional branch went) by wrapping the monitor's fetch observer,
 * which already watches the driver's code pages; it is installed only when coverage is asked for,
 * so a run without it pays nothing. {@link org.chariot.emulator.coverage.CoverageReport} maps the
 * counts to source lines, functions and branches through the module's DWARF line table, and writes
 * them as lcov's {@code .info} ({@link org.chariot.emulator.coverage.LcovWriter}) or Cobertura XML
 * ({@link org.chariot.emulator.coverage.CoberturaWriter}).
 */
package org.chariot.emulator.coverage;
