package org.chariot.emulator.cpu;

import java.util.function.LongBinaryOperator;

import org.chariot.emulator.mmu.AccessType;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * RV64A. One hart executes one instruction at a time, so a read-modify-write is atomic with respect
 * to the guest. The reservation of {@code lr} is its address; any {@code sc}, and every trap, ends it.
 */
final class Atomics {

    private static final int WORD = 4, DOUBLE = 8;
    // Word operands arrive sign-extended to 64 bits, which keeps both signed and unsigned order,
    // so one operator serves both widths.
    private static final LongBinaryOperator SWAP = (old, operand) -> operand;
    private static final LongBinaryOperator ADD = Long::sum;
    private static final LongBinaryOperator XOR = (old, operand) -> old ^ operand;
    private static final LongBinaryOperator AND = (old, operand) -> old & operand;
    private static final LongBinaryOperator OR = (old, operand) -> old | operand;
    private static final LongBinaryOperator MIN = Math::min;
    private static final LongBinaryOperator MAX = Math::max;
    private static final LongBinaryOperator MIN_UNSIGNED = (old, operand) -> Long.compareUnsigned(old, operand) <= 0 ? old : operand;
    private static final LongBinaryOperator MAX_UNSIGNED = (old, operand) -> Long.compareUnsigned(old, operand) >= 0 ? old : operand;

    private Atomics() {
    }

    /** Loads the old value, stores {@code op(old, rs2)}, and returns the old value (sign-extended for words) in rd. */
    private static void amo(Hart h, Decoded d, int size, LongBinaryOperator op) throws MemoryFault {
        long address = h.x[d.rs1];
        long old = h.mmu.loadForUpdate(address, size);
        long operand = h.x[d.rs2];
        if (size == WORD) {
            old = (int) old;
            operand = (int) operand;
        }
        h.mmu.store(address, size, op.applyAsLong(old, operand));
        h.setX(d.rd, old);
    }

    private static void loadReserved(Hart h, Decoded d, int size) throws MemoryFault {
        long address = h.x[d.rs1];
        h.mmu.requireAligned(address, size, AccessType.LOAD);
        long value = h.mmu.load(address, size);
        h.reservation = address;
        h.setX(d.rd, size == WORD ? (int) value : value);
    }

    private static void storeConditional(Hart h, Decoded d, int size) throws MemoryFault {
        long address = h.x[d.rs1];
        h.mmu.requireAligned(address, size, AccessType.STORE);
        boolean reserved = h.reservation == address;
        h.reservation = Hart.NO_RESERVATION;
        if (reserved) {
            h.mmu.store(address, size, h.x[d.rs2]);
        }
        h.setX(d.rd, reserved ? 0 : 1);
    }

    static void lrW(Hart h, Decoded d) throws MemoryFault {
        loadReserved(h, d, WORD);
    }

    static void scW(Hart h, Decoded d) throws MemoryFault {
        storeConditional(h, d, WORD);
    }

    static void amoswapW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, SWAP);
    }

    static void amoaddW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, ADD);
    }

    static void amoxorW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, XOR);
    }

    static void amoandW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, AND);
    }

    static void amoorW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, OR);
    }

    static void amominW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, MIN);
    }

    static void amomaxW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, MAX);
    }

    static void amominuW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, MIN_UNSIGNED);
    }

    static void amomaxuW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, MAX_UNSIGNED);
    }

    static void lrD(Hart h, Decoded d) throws MemoryFault {
        loadReserved(h, d, DOUBLE);
    }

    static void scD(Hart h, Decoded d) throws MemoryFault {
        storeConditional(h, d, DOUBLE);
    }

    static void amoswapD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, SWAP);
    }

    static void amoaddD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, ADD);
    }

    static void amoxorD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, XOR);
    }

    static void amoandD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, AND);
    }

    static void amoorD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, OR);
    }

    static void amominD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, MIN);
    }

    static void amomaxD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, MAX);
    }

    static void amominuD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, MIN_UNSIGNED);
    }

    static void amomaxuD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, MAX_UNSIGNED);
    }
}
