/**
 * The SBI in Java: {@link org.chariot.emulator.sbi.Sbi} takes the kernel's {@code ecall}s and
 * dispatches them to one class per extension (base, TIME, IPI, RFENCE, SRST, HSM and the legacy
 * v0.1 calls), on a machine with a single hart 0.
 */
package org.chariot.emulator.sbi;
