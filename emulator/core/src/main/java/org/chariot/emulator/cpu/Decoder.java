package org.chariot.emulator.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns instruction bits into {@link Decoded} operations. Lines of the table are grouped by the bits
 * every line of a group fixes (the major opcode, or a compressed instruction's quadrant and funct3).
 *
 * <p>Results are remembered in a direct-mapped cache indexed by the pc (so consecutive instructions
 * sit in neighbouring slots) and tagged by the instruction bits: an entry is used only if the bits
 * just fetched are the bits it was decoded from. A decoded instruction depends on nothing but its
 * bits, so the cache can never go stale when code is patched, loaded or written by DMA, and needs
 * no flush on {@code fence.i}.
 */
final class Decoder {

    private static final int CACHE_SIZE = 1 << 16;
    private static final int GROUPS = 128 + 32;

    private final Encoding[][] groups = new Encoding[GROUPS][];
    private final Decoded[] cache = new Decoded[CACHE_SIZE];

    Decoder(InstructionTable table) {
        List<List<Encoding>> lists = new ArrayList<>();
        for (int i = 0; i < GROUPS; i++) {
            lists.add(new ArrayList<>());
        }
        for (Encoding encoding : table.encodings()) {
            lists.get(groupOf(encoding)).add(encoding);
        }
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = lists.get(i).toArray(Encoding[]::new);
        }
    }

    /** A decoder over the hart's own table for code that decodes outside a hart: its uncached decode is thread-safe. */
    static Decoder standard() {
        return Standard.DECODER;
    }

    /** Read on first use only. */
    private static final class Standard {
        static final Decoder DECODER = new Decoder(InstructionTable.standard());
    }

    /** Decodes 32 instruction bits, or a compressed instruction in the low 16 bits (upper bits zero), fetched at {@code pc}. */
    Decoded decode(long pc, int bits) {
        int slot = (int) (pc >>> 1) & (CACHE_SIZE - 1);
        Decoded cached = cache[slot];
        if (cached != null && cached.bits == bits) {
            return cached;
        }
        Decoded decoded = decodeUncached(bits);
        cache[slot] = decoded;
        return decoded;
    }

    Decoded decodeUncached(int bits) {
        Instruction instruction = new Instruction(bits);
        for (Encoding encoding : groups[group(bits)]) {
            if (encoding.matches(instruction)) {
                return encoding.decode(instruction);
            }
        }
        return new Decoded(Opcode.ILLEGAL, 0, 0, 0, 0, 0, 0, instruction.length(), bits);
    }

    /** The group key: bits 6:0 of a 32-bit instruction; bits 15:13 and 1:0 of a compressed one. */
    private static int group(int bits) {
        if ((bits & 3) == 3) {
            return bits & 0x7f;
        }
        return 128 + ((((bits >>> 13) & 7) << 2) | (bits & 3));
    }

    /** Lines are grouped by their fixed group bits; a line leaving them open would need several groups. */
    private static int groupOf(Encoding encoding) {
        int groupMask = encoding.length() == 4 ? 0x7f : 0xe003;
        if ((encoding.mask() & groupMask) != groupMask) {
            throw new IllegalArgumentException(encoding.mnemonic() + " must fix its major opcode bits");
        }
        return group(encoding.match());
    }
}
