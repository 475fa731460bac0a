/**
 * Translation of hot guest code into JVM bytecode, which HotSpot then compiles: a straight run of
 * integer instructions within one page becomes one method over the hart's registers, its memory
 * accesses calls to the MMU's own load and store entry points. The hart decides where translated
 * code may run: never with breakpoints armed, and never while the MMU has any observer (the
 * isolation monitor, coverage, watchpoints), which reads the hart's pc and previous pc at each
 * instruction it sees and may replace one (a refused free), neither of which a block keeps up to
 * date; this package only builds the blocks.
 */
package org.chariot.emulator.translate;
