package org.chariot.emulator.monitor;

import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/** Guest memory as a report shows it: what cannot be read shows as zeros rather than failing the report. */
final class GuestBytes {

    private GuestBytes() {
    }

    static byte[] read(DebugAccess guest, long address, int length) {
        try {
            return guest.readMemory(address, length);
        } catch (MemoryFault e) {
            return new byte[length];
        }
    }

    /** The instruction at {@code pc}: 32 bits, or a compressed one in the low 16 bits. */
    static int instructionAt(DebugAccess guest, long pc) {
        byte[] low = read(guest, pc, 2);
        int bits = (low[0] & 0xff) | (low[1] & 0xff) << 8;
        if ((bits & 3) != 3) {
            return bits;
        }
        byte[] high = read(guest, pc + 2, 2);
        return bits | ((high[0] & 0xff) | (high[1] & 0xff) << 8) << 16;
    }
}
