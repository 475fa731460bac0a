package org.chariot.emulator.gdb;

import org.chariot.emulator.cpu.HartRegisters;

/**
 * Registers by the remote protocol's numbers (see target.xml): x0-x31, pc = 32, CSR n = 65 + n,
 * and the virtual {@code priv} register = 4161, numbered as GDB's RISC-V port numbers them.
 */
final class RegisterFile {

    static final int PC = 32;
    /** The registers in a {@code g} packet: x0-x31 and pc; GDB asks for the others with {@code p}. */
    static final int GENERAL_COUNT = 33;
    private static final int FIRST_CSR = 65;
    private static final int PRIV = FIRST_CSR + 4096;

    private final TargetDescription description;

    RegisterFile(TargetDescription description) {
        this.description = description;
    }

    long read(HartRegisters hart, int number) {
        requireDeclared(number);
        if (number < PC) {
            return hart.x(number);
        }
        if (number == PC) {
            return hart.pc();
        }
        if (number == PRIV) {
            return hart.privilege();
        }
        return hart.csr(number - FIRST_CSR);
    }

    void write(HartRegisters hart, int number, long value) {
        requireDeclared(number);
        if (number < PC) {
            hart.setX(number, value);
        } else if (number == PC) {
            hart.setPc(value);
        } else if (number == PRIV) {
            throw new IllegalArgumentException("priv is read-only here: the privilege mode changes only by traps and trap returns");
        } else {
            hart.setCsr(number - FIRST_CSR, value);
        }
    }

    private void requireDeclared(int number) {
        if (!description.declares(number)) {
            throw new IllegalArgumentException("register " + number + " is not in the target description");
        }
    }
}
