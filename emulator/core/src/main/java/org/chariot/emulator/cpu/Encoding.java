package org.chariot.emulator.cpu;

import java.util.List;

/**
 * One line of the instruction table: the bits that identify an instruction, the base instruction it
 * executes, where its operands come from, and the field values it must not have.
 */
record Encoding(String mnemonic, Opcode opcode, int length, int mask, int match,
        List<Assignment> operands, List<Constraint> constraints) {

    /** Where one operand of the executed instruction comes from: a field, or a constant if field is null. */
    record Assignment(Operand operand, Field field, long constant) {
        long valueIn(Instruction instruction) {
            return field == null ? constant : field.of(instruction);
        }
    }

    /** The line matches only if {@code field} differs from {@code excluded}. */
    record Constraint(Field field, long excluded) {
        boolean admits(Instruction instruction) {
            return field.of(instruction) != excluded;
        }

        /** True if every instruction matching {@code other} fails this constraint. */
        boolean excludesAll(Encoding other) {
            return (other.mask() & field.mask()) == field.mask()
                    && field.of(new Instruction(other.match())) == excluded;
        }
    }

    enum Operand { RD, RS1, RS2, IMM, CSR, UIMM }

    boolean matches(Instruction instruction) {
        if (instruction.length() != length || (instruction.bits() & mask) != match) {
            return false;
        }
        for (Constraint constraint : constraints) {
            if (!constraint.admits(instruction)) {
                return false;
            }
        }
        return true;
    }

    /** True if some instruction could match both lines (constraints taken into account). */
    boolean overlaps(Encoding other) {
        if (length != other.length || ((match ^ other.match) & mask & other.mask) != 0) {
            return false;
        }
        for (Constraint constraint : constraints) {
            if (constraint.excludesAll(other)) {
                return false;
            }
        }
        for (Constraint constraint : other.constraints) {
            if (constraint.excludesAll(this)) {
                return false;
            }
        }
        return true;
    }

    Decoded decode(Instruction instruction) {
        int rd = 0;
        int rs1 = 0;
        int rs2 = 0;
        long imm = 0;
        int csr = 0;
        int uimm = 0;
        for (Assignment assignment : operands) {
            long value = assignment.valueIn(instruction);
            switch (assignment.operand()) {
                case RD -> rd = (int) value;
                case RS1 -> rs1 = (int) value;
                case RS2 -> rs2 = (int) value;
                case IMM -> imm = value;
                case CSR -> csr = (int) value;
                case UIMM -> uimm = (int) value;
            }
        }
        return new Decoded(opcode, rd, rs1, rs2, imm, csr, uimm, length, instruction.bits());
    }
}
