package org.chariot.emulator.monitor;

/**
 * Disassembles the instructions that write memory (stores, compressed stores, AMOs and
 * store-conditionals) for reports, in binutils' spelling (a compressed store reads as the store it
 * expands to, as objdump shows it); anything else is shown as its bits.
 */
final class StoreDisassembler {

    private static final String[] REGISTERS = {"zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0",
        "a1", "a2", "a3", "a4", "a5", "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3",
        "t4", "t5", "t6"};
    private static final String[] STORES = {"sb", "sh", "sw", "sd"};
    private static final int OPCODE_STORE = 0x23, OPCODE_AMO = 0x2f;
    private static final int RA = 1, SP = 2, S0 = 8, S1 = 9, S2 = 18, S11 = 27;

    private StoreDisassembler() {
    }

    /**
     * The register the instruction saves on the stack if it is a save of one the callee must keep
     * (ra, s0 to s11): {@code sd REG,OFF(sp)} or {@code c.sdsp REG,OFF}; -1 for anything else.
     */
    static int savedRegister(int bits) {
        int register;
        if ((bits & 3) == 3) {
            boolean sdSp = (bits & 0x7f) == OPCODE_STORE && (bits >>> 12 & 7) == 3 && (bits >>> 15 & 31) == SP;
            register = sdSp ? bits >>> 20 & 31 : -1;
        } else {
            register = (bits & 3) == 2 && (bits >>> 13 & 7) == 7 ? bits >>> 2 & 31 : -1;
        }
        return register == RA || register == S0 || register == S1 || register >= S2 && register <= S11 ? register : -1;
    }

    static String disassemble(int bits) {
        String text = (bits & 3) == 3 ? full(bits) : compressed(bits & 0xffff);
        return text != null ? text : String.format(".insn 0x%x", (bits & 3) == 3 ? bits : bits & 0xffff);
    }

    private static String full(int bits) {
        int funct3 = bits >>> 12 & 7;
        String rs1 = REGISTERS[bits >>> 15 & 31];
        String rs2 = REGISTERS[bits >>> 20 & 31];
        if ((bits & 0x7f) == OPCODE_STORE && funct3 < 4) {
            int offset = (bits >> 25) << 5 | (bits >>> 7 & 31);
            return String.format("%s %s,%d(%s)", STORES[funct3], rs2, offset, rs1);
        }
        if ((bits & 0x7f) == OPCODE_AMO && (funct3 == 2 || funct3 == 3)) {
            String name = amoName(bits >>> 27);
            String width = funct3 == 2 ? ".w" : ".d";
            String ordering = switch (bits >>> 25 & 3) {
                case 1 -> ".rl";
                case 2 -> ".aq";
                case 3 -> ".aqrl";
                default -> "";
            };
            return name == null ? null
                    : String.format("%s%s%s %s,%s,(%s)", name, width, ordering, REGISTERS[bits >>> 7 & 31], rs2, rs1);
        }
        return null;
    }

    private static String amoName(int funct5) {
        return switch (funct5) {
            case 0b00000 -> "amoadd";
            case 0b00001 -> "amoswap";
            case 0b00011 -> "sc";
            case 0b00100 -> "amoxor";
            case 0b01000 -> "amoor";
            case 0b01100 -> "amoand";
            case 0b10000 -> "amomin";
            case 0b10100 -> "amomax";
            case 0b11000 -> "amominu";
            case 0b11100 -> "amomaxu";
            default -> null;
        };
    }

    private static String compressed(int bits) {
        int funct3 = bits >>> 13;
        int quadrant = bits & 3;
        String rs1Prime = REGISTERS[8 + (bits >>> 7 & 7)];
        String rs2Prime = REGISTERS[8 + (bits >>> 2 & 7)];
        String rs2 = REGISTERS[bits >>> 2 & 31];
        if (quadrant == 0 && funct3 == 6) {
            int offset = (bits >>> 10 & 7) << 3 | (bits >>> 6 & 1) << 2 | (bits >>> 5 & 1) << 6;
            return String.format("sw %s,%d(%s)", rs2Prime, offset, rs1Prime);
        }
        if (quadrant == 0 && funct3 == 7) {
            int offset = (bits >>> 10 & 7) << 3 | (bits >>> 5 & 3) << 6;
            return String.format("sd %s,%d(%s)", rs2Prime, offset, rs1Prime);
        }
        if (quadrant == 2 && funct3 == 6) {
            int offset = (bits >>> 9 & 15) << 2 | (bits >>> 7 & 3) << 6;
            return String.format("sw %s,%d(sp)", rs2, offset);
        }
        if (quadrant == 2 && funct3 == 7) {
            int offset = (bits >>> 10 & 7) << 3 | (bits >>> 7 & 7) << 6;
            return String.format("sd %s,%d(sp)", rs2, offset);
        }
        return null;
    }
}
