package org.chariot.emulator.gdb;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * The stopped hart's call stack, innermost first, unwound through each function's {@link Prologue}.
 * A caller's place is looked up one byte before its return address, so that it names the line of the
 * call rather than the line after it.
 */
final class Backtrace {

    private static final int MAX_FRAMES = 16;
    private static final int RA = 1, SP = 2;

    private Backtrace() {
    }

    static List<SourceLines.Place> of(DebugAccess hart, SourceLines lines) throws MemoryFault, IOException {
        List<SourceLines.Place> frames = new ArrayList<>();
        long pc = hart.pc();
        long sp = hart.x(SP);
        SourceLines.Place place = lines.where(hart, pc);
        while (true) {
            frames.add(place);
            OptionalLong start = place.functionStart();
            if (start.isEmpty() || frames.size() == MAX_FRAMES) {
                return frames;
            }
            Prologue prologue = Prologue.scan(hart, start.getAsLong(), pc);
            long caller;
            if (prologue.returnAddressSlot().isPresent()) {
                caller = read64(hart, sp + prologue.returnAddressSlot().getAsLong());
            } else if (frames.size() == 1) {
                caller = hart.x(RA); // a leaf, or a prologue not yet past saving ra
            } else {
                return frames;
            }
            sp += prologue.frameSize();
            if (caller == 0 || caller == pc) {
                return frames;
            }
            pc = caller;
            SourceLines.Place call = lines.where(hart, caller - 1);
            place = new SourceLines.Place(caller, call.source(), call.symbol(), call.functionStart());
        }
    }

    private static long read64(DebugAccess hart, long address) throws MemoryFault {
        byte[] bytes = hart.readMemory(address, Long.BYTES);
        long value = 0;
        for (int i = Long.BYTES - 1; i >= 0; i--) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }
}
