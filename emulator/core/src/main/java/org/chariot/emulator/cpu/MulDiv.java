package org.chariot.emulator.cpu;

/** RV64M. Division by zero and overflow give the results the specification fixes; nothing traps. */
final class MulDiv {

    private MulDiv() {
    }

    static void mul(Hart h, Decoded d) {
        h.setX(d.rd, h.x[d.rs1] * h.x[d.rs2]);
    }

    static void mulh(Hart h, Decoded d) {
        h.setX(d.rd, Math.multiplyHigh(h.x[d.rs1], h.x[d.rs2]));
    }

    static void mulhsu(Hart h, Decoded d) {
        long a = h.x[d.rs1];
        long b = h.x[d.rs2];
        // The unsigned high product, corrected for a's sign: b is never negative as an unsigned value.
        h.setX(d.rd, Math.unsignedMultiplyHigh(a, b) - (a < 0 ? b : 0));
    }

    static void mulhu(Hart h, Decoded d) {
        h.setX(d.rd, Math.unsignedMultiplyHigh(h.x[d.rs1], h.x[d.rs2]));
    }

    static void div(Hart h, Decoded d) {
        long a = h.x[d.rs1];
        long b = h.x[d.rs2];
        h.setX(d.rd, b == 0 ? -1 : (a == Long.MIN_VALUE && b == -1) ? a : a / b);
    }

    static void divu(Hart h, Decoded d) {
        long b = h.x[d.rs2];
        h.setX(d.rd, b == 0 ? -1 : Long.divideUnsigned(h.x[d.rs1], b));
    }

    static void rem(Hart h, Decoded d) {
        long a = h.x[d.rs1];
        long b = h.x[d.rs2];
        h.setX(d.rd, b == 0 ? a : (a == Long.MIN_VALUE && b == -1) ? 0 : a % b);
    }

    static void remu(Hart h, Decoded d) {
        long b = h.x[d.rs2];
        h.setX(d.rd, b == 0 ? h.x[d.rs1] : Long.remainderUnsigned(h.x[d.rs1], b));
    }

    static void mulw(Hart h, Decoded d) {
        h.setX(d.rd, (int) h.x[d.rs1] * (int) h.x[d.rs2]);
    }

    static void divw(Hart h, Decoded d) {
        int a = (int) h.x[d.rs1];
        int b = (int) h.x[d.rs2];
        h.setX(d.rd, b == 0 ? -1 : (a == Integer.MIN_VALUE && b == -1) ? a : a / b);
    }

    static void divuw(Hart h, Decoded d) {
        int b = (int) h.x[d.rs2];
        h.setX(d.rd, b == 0 ? -1 : Integer.divideUnsigned((int) h.x[d.rs1], b));
    }

    static void remw(Hart h, Decoded d) {
        int a = (int) h.x[d.rs1];
        int b = (int) h.x[d.rs2];
        h.setX(d.rd, b == 0 ? a : (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b);
    }

    static void remuw(Hart h, Decoded d) {
        int b = (int) h.x[d.rs2];
        h.setX(d.rd, b == 0 ? (int) h.x[d.rs1] : Integer.remainderUnsigned((int) h.x[d.rs1], b));
    }
}
