package org.chariot.emulator.monitor;

import java.util.EnumSet;
import java.util.Set;
import org.chariot.emulator.cpu.Decoded;
import org.chariot.emulator.cpu.Instruction;
import org.chariot.emulator.cpu.Opcode;
import org.chariot.emulator.cpu.RegisterNames;

/**
 * Disassembles the instructions that write memory (stores, compressed stores, AMOs and
 * store-conditionals) and the loads, for reports, in binutils' spelling (a compressed store or load
 * reads as the one it expands to, as objdump shows it); anything else is shown as its bits. The
 * hart's own table decodes.
 */
final class AccessDisassembler {

    private static final Set<Opcode> STORES = EnumSet.of(Opcode.SB, Opcode.SH, Opcode.SW, Opcode.SD);
    private static final Set<Opcode> LOADS = EnumSet.of(Opcode.LB, Opcode.LH, Opcode.LW, Opcode.LD, Opcode.LBU,
            Opcode.LHU, Opcode.LWU);

    private AccessDisassembler() {
    }

    /**
     * The register the instruction saves on the stack if it is a save of one the callee must keep
     * (ra, s0 to s11): {@code sd REG,OFF(sp)} or {@code c.sdsp REG,OFF}; -1 for anything else.
     */
    static int savedRegister(int bits) {
        Decoded decoded = Decoded.of(bits);
        boolean saved = decoded.opcode() == Opcode.SD && decoded.rs1() == RegisterNames.SP
                && (decoded.rs2() == RegisterNames.RA || RegisterNames.calleeSaved(decoded.rs2()));
        return saved ? decoded.rs2() : -1;
    }

    static String disassemble(int bits) {
        Decoded d = Decoded.of(bits);
        String mnemonic = d.opcode().mnemonic();
        if (STORES.contains(d.opcode())) {
            return String.format("%s %s,%d(%s)", mnemonic, name(d.rs2()), d.imm(), name(d.rs1()));
        }
        if (LOADS.contains(d.opcode())) {
            return String.format("%s %s,%d(%s)", mnemonic, name(d.rd()), d.imm(), name(d.rs1()));
        }
        if (d.opcode().writesMemory()) { // an AMO or a store-conditional
            return String.format("%s%s %s,%s,(%s)", mnemonic, ordering(d.instruction()), name(d.rd()), name(d.rs2()),
                    name(d.rs1()));
        }
        return String.format(".insn 0x%x", d.instruction().bits());
    }

    private static String ordering(Instruction instruction) {
        return (instruction.aq() ? ".aq" : "") + (instruction.rl() ? (instruction.aq() ? "rl" : ".rl") : "");
    }

    private static String name(int register) {
        return RegisterNames.abiName(register);
    }
}
