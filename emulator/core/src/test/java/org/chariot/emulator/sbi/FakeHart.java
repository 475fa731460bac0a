package org.chariot.emulator.sbi;

import java.util.HashMap;
import java.util.Map;
import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.RegisterNames;

/** Registers and CSRs in maps: enough of a hart to make SBI calls against. */
final class FakeHart implements HartRegisters {

    private final long[] x = new long[32];
    private final Map<Integer, Long> csrs = new HashMap<>();
    private long pc;
    int privilege = 1;

    /** Sets up an SBI call: a7 = extension, a6 = function, a0.. = arguments. */
    FakeHart call(long extension, int function, long... arguments) {
        setX(RegisterNames.A7, extension);
        setX(RegisterNames.A6, function);
        for (int i = 0; i < arguments.length; i++) {
            setX(RegisterNames.A0 + i, arguments[i]);
        }
        return this;
    }

    @Override
    public long x(int i) {
        return x[i];
    }

    @Override
    public void setX(int i, long value) {
        if (i != 0) {
            x[i] = value;
        }
    }

    @Override
    public long pc() {
        return pc;
    }

    @Override
    public void setPc(long value) {
        pc = value;
    }

    @Override
    public int privilege() {
        return privilege;
    }

    @Override
    public long csr(int number) {
        return csrs.getOrDefault(number, 0L);
    }

    @Override
    public void setCsr(int number, long value) {
        csrs.put(number, value);
    }
}
