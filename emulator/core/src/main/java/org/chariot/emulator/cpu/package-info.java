/**
 * The hart: an RV64IMAC + Zicsr + Zifencei interpreter with M, S and U modes.
 *
 * <p>How an instruction runs: {@link org.chariot.emulator.cpu.Hart} fetches through the MMU, the
 * {@code Decoder} turns the bits into a {@code Decoded} operation using the declarative table
 * {@code instructions.txt} (compressed instructions become their base instruction there) and a
 * cache indexed by pc and checked against the bits, and the {@code Executor} switches to one small
 * method per instruction in {@code BaseInteger}, {@code MulDiv}, {@code Atomics} and
 * {@code SystemInstructions}. CSRs live in {@code Csrs}, trap entry and return in {@code Traps},
 * the interrupt lines devices drive in {@code PendingInterrupts}.
 *
 * <p>Contracts for the rest of the machine: {@link org.chariot.emulator.cpu.HartRegisters},
 * {@link org.chariot.emulator.cpu.InterruptTarget}, {@link org.chariot.emulator.cpu.TimeSource},
 * {@link org.chariot.emulator.cpu.EnvironmentCallHandler} and, for debuggers,
 * {@link org.chariot.emulator.cpu.DebugAccess}.
 */
package org.chariot.emulator.cpu;
