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

    private Atomics() {
    }

    /** Loads the old value, stores {@code op(old, rs2)}, and returns the old value (sign-extended for words) in rd. */
    private static void amo(Hart h, Decoded d, int size, LongBinaryOperator op) throws MemoryFault {
        long address = h.x[d.rs1];
        long old = h.mmu.loadForUpdate(address, size);
        if (size == WORD) {
            old = (int) old;
        }
        h.mmu.store(address, size, op.applyAsLong(old, h.x[d.rs2]));
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
        amo(h, d, WORD, (a, b) -> b);
    }

    static void amoaddW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, Long::sum);
    }

    static void amoxorW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> a ^ b);
    }

    static void amoandW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> a & b);
    }

    static void amoorW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> a | b);
    }

    static void amominW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> Math.min(a, (int) b));
    }

    static void amomaxW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> Math.max(a, (int) b));
    }

    static void amominuW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> Integer.compareUnsigned((int) a, (int) b) <= 0 ? a : b);
    }

    static void amomaxuW(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, WORD, (a, b) -> Integer.compareUnsigned((int) a, (int) b) >= 0 ? a : b);
    }

    static void lrD(Hart h, Decoded d) throws MemoryFault {
        loadReserved(h, d, DOUBLE);
    }

    static void scD(Hart h, Decoded d) throws MemoryFault {
        storeConditional(h, d, DOUBLE);
    }

    static void amoswapD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, (a, b) -> b);
    }

    static void amoaddD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, Long::sum);
    }

    static void amoxorD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, (a, b) -> a ^ b);
    }

    static void amoandD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, (a, b) -> a & b);
    }

    static void amoorD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, (a, b) -> a | b);
    }

    static void amominD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, Math::min);
    }

    static void amomaxD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, Math::max);
    }

    static void amominuD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, (a, b) -> Long.compareUnsigned(a, b) <= 0 ? a : b);
    }

    static void amomaxuD(Hart h, Decoded d) throws MemoryFault {
        amo(h, d, DOUBLE, (a, b) -> Long.compareUnsigned(a, b) >= 0 ? a : b);
    }
}
