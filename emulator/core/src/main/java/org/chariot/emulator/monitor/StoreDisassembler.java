package org.chariot.emulator.monitor;

import java.util.EnumSet;
import java.util.Set;
import org.chariot.emulator.cpu.Decoded;
import org.chariot.emulator.cpu.Instruction;
import org.chariot.emulator.cpu.Opcode;
import org.chariot.emulator.cpu.RegisterNames;

/**
 * Disassembles the instructions that write memory (stores, compressed stores, AMOs and
 * store-conditionals) for reports, in binutils' spelling (a compressed store reads as the store it
 * expands to, as objdump shows it); anything else is shown as its bits. The hart's own table decodes.
 */
final class StoreDisassembler {

    private static final Set<Opcode> STORES = EnumSet.of(Opcode.SB, Opcode.SH, Opcode.SW, Opcode.SD);

    private StoreDisassembler() {
    }

    /** Whether the instruction saves the return address: {@code sd ra,...} or {@code c.sdsp ra,...}. */
    static boolean savesReturnAddress(int bits) {
        Decoded decoded = Decoded.of(bits);
        return decoded.opcode() == Opcode.SD && decoded.rs2() == RegisterNames.RA;
    }

    static String disassemble(int bits) {
        Decoded d = Decoded.of(bits);
        String mnemonic = d.opcode().mnemonic();
        if (STORES.contains(d.opcode())) {
            return String.format("%s %s,%d(%s)", mnemonic, name(d.rs2()), d.imm(), name(d.rs1()));
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
