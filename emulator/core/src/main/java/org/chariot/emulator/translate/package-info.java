/**
 * Translation of hot guest code into JVM bytecode, which HotSpot then compiles: a straight run of
 * integer instructions within one page becomes one method over the hart's registers, its memory
 * accesses calls to the MMU's own load and store entry points (so observers, the isolation
 * monitor and watchpoints, see every store as the interpreter makes it). The hart decides where
 * translated code may run (never with breakpoints armed, never on pages an observer watches
 * instruction by instruction); this package only builds the blocks.
 */
package org.chariot.emulator.translate;
