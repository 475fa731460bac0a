/**
 * The GDB stub: GDB's remote serial protocol over TCP on loopback ({@link
 * org.chariot.emulator.gdb.GdbServer}, {@link org.chariot.emulator.gdb.GdbSession}), serving the
 * hart as a {@link org.chariot.emulator.gdb.DebugTarget}: registers, memory, breakpoints and
 * watchpoints, stepping, the isolated modules as shared libraries GDB loads symbols for, and a stop
 * on a violation at the faulting store ({@link org.chariot.emulator.gdb.HaltedStoreRelease}). A
 * client's breakpoint fires before any hook on the same address does its work; a malformed packet
 * is refused, never a failure of the stub.
 */
package org.chariot.emulator.gdb;
