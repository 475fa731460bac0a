package org.chariot.emulator.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.StoreHalted;
import org.chariot.emulator.translate.Block;
import org.chariot.emulator.translate.BlockCompiler;
import org.chariot.emulator.translate.GuestInstruction;
import org.chariot.emulator.translate.Progress;

/**
 * The hart's translated blocks: found by the virtual and physical address of their first instruction, built
 * once a start has been reached often enough to be worth it, and dropped on {@code fence.i} (the
 * instruction the architecture requires before modified code may run). A block is used only where
 * its first instruction's bits are still those it was built from.
 */
final class TranslatedCode {

    private static final int SLOTS = 1 << 16;
    private static final Block UNTRANSLATABLE = null;

    private final Hart hart;
    private final Decoder decoder;
    /** Starts of a block before it is translated (see {@link Translation}). */
    private final int threshold;
    private final BlockCompiler compiler = new BlockCompiler();
    private final Progress progress = new Progress();
    private final long[] starts = new long[SLOTS];
    private final long[] virtualStarts = new long[SLOTS];
    private final int[] firstBits = new int[SLOTS];
    private final int[] visits = new int[SLOTS];
    private final Block[] blocks = new Block[SLOTS];
    /** Every block built since the last flush, by its virtual start: one that lost its slot comes back without a rebuild. */
    private final Map<Long, Built> built = new HashMap<>();

    /** A block's code holds its pc (branch targets, {@code auipc}): it serves only where it was built, virtually and physically. */
    private record Built(long physical, int firstBits, Block block) {
    }

    TranslatedCode(Hart hart, Decoder decoder, int threshold) {
        this.hart = hart;
        this.decoder = decoder;
        this.threshold = threshold;
        flush();
    }

    /** Drops every block: code may have changed. */
    void flush() {
        Arrays.fill(starts, -1);
        Arrays.fill(blocks, null);
        built.clear();
    }

    /**
     * Runs the block starting at the hart's pc, whose instruction {@code bits} were just fetched, if
     * there is one that fits in {@code budget}, then the blocks it leads to while they are built and
     * the budget lasts; returns the instructions retired (the hart's pc is then where execution goes
     * on), or 0 if the interpreter must execute this instruction. On a fault or a halted store, the
     * hart's pc is that instruction's and {@link #retiredBeforeFault} says how many retired before it.
     */
    int run(long pc, int bits, int budget) throws MemoryFault {
        long physical = hart.mmu.plainFetchAddress(pc);
        Block block = physical < 0 ? UNTRANSLATABLE : blockAt(pc, physical, bits);
        int retired = 0;
        while (block != UNTRANSLATABLE && block.length() <= budget - retired) {
            long next;
            try {
                next = block.run(hart.x, hart.mmu, progress, budget - retired);
            } catch (MemoryFault | StoreHalted e) {
                hart.setPc(progress.pc);
                progress.executed += retired;
                throw e;
            }
            retired += progress.executed;
            hart.setPc(next);
            physical = hart.mmu.plainFetchAddress(next);
            block = physical < 0 ? UNTRANSLATABLE : blockAt(next, physical, hart.mmu.fetch(next));
        }
        return retired;
    }

    /** The block starting at {@code pc}, built now if it has become hot, or none. */
    private Block blockAt(long pc, long physical, int bits) {
        int slot = (int) (physical >>> 1) & (SLOTS - 1);
        Block block = blocks[slot];
        if (starts[slot] != physical || virtualStarts[slot] != pc || firstBits[slot] != bits) {
            starts[slot] = physical;
            virtualStarts[slot] = pc;
            firstBits[slot] = bits;
            visits[slot] = 0;
            blocks[slot] = null;
            block = null;
        }
        if (block == UNTRANSLATABLE && ++visits[slot] == threshold) {
            Built earlier = built.get(pc);
            block = earlier != null && earlier.physical() == physical && earlier.firstBits() == bits
                    ? earlier.block() : translate(pc);
            blocks[slot] = block;
            if (block != UNTRANSLATABLE) {
                built.put(pc, new Built(physical, bits, block));
            }
        }
        return block;
    }

    /** After a fault or halted store in a block: how many of its instructions retired before that one. */
    int retiredBeforeFault() {
        return progress.executed;
    }

    /** The block from {@code pc}: translatable instructions up to a jump, the page's end or the length cap. */
    private Block translate(long pc) {
        List<GuestInstruction> instructions = new ArrayList<>();
        long at = pc;
        try {
            while (instructions.size() < BlockCompiler.MAX_LENGTH && (at & 0xfff) <= 0xffc) {
                Decoded d = decoder.decodeUncached(hart.mmu.fetch(at));
                String op = d.op.name();
                if (!BlockCompiler.translatable(op)) {
                    break;
                }
                instructions.add(new GuestInstruction(op, d.rd, d.rs1, d.rs2, d.imm, d.length, at));
                at += d.length;
                if (BlockCompiler.endsBlock(op)) {
                    break;
                }
            }
        } catch (MemoryFault e) {
            // The run stops before what cannot be fetched; the interpreter will take that fault when it gets there.
        }
        return instructions.isEmpty() ? UNTRANSLATABLE : compiler.compile(instructions);
    }
}
