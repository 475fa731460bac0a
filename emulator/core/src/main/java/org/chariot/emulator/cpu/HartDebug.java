package org.chariot.emulator.cpu;

import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.mmu.AccessType;
import org.chariot.emulator.mmu.MemoryFault;

/** {@link DebugAccess} over one hart. */
final class HartDebug implements DebugAccess {

    private final Hart hart;
    private final Bus bus;
    private final Breakpoints breakpoints;

    HartDebug(Hart hart, Bus bus, Breakpoints breakpoints) {
        this.hart = hart;
        this.bus = bus;
        this.breakpoints = breakpoints;
    }

    @Override
    public byte[] readMemory(long address, int length) throws MemoryFault {
        byte[] data = new byte[length];
        byte[] ram = bus.ram().bytes();
        for (int i = 0; i < length; i++) {
            data[i] = ram[ramIndex(address + i, AccessType.LOAD)];
        }
        return data;
    }

    @Override
    public void writeMemory(long address, byte[] data) throws MemoryFault {
        byte[] ram = bus.ram().bytes();
        for (int i = 0; i < data.length; i++) {
            ram[ramIndex(address + i, AccessType.STORE)] = data[i];
        }
    }

    private int ramIndex(long virtualAddress, AccessType type) throws MemoryFault {
        long physical = hart.mmu.debugTranslate(virtualAddress);
        if (!bus.isRam(physical, 1)) {
            throw new MemoryFault(type.accessFaultCause(), virtualAddress);
        }
        return (int) (physical - bus.ramBase());
    }

    @Override
    public StopReason step() {
        return hart.run(1);
    }

    @Override
    public void insertBreakpoint(long pc) {
        breakpoints.add(pc);
    }

    @Override
    public void removeBreakpoint(long pc) {
        breakpoints.remove(pc);
    }

    @Override
    public long x(int i) {
        return hart.x(i);
    }

    @Override
    public void setX(int i, long value) {
        hart.setX(i, value);
    }

    @Override
    public long pc() {
        return hart.pc();
    }

    @Override
    public void setPc(long pc) {
        hart.setPc(pc);
    }

    @Override
    public int privilege() {
        return hart.privilege();
    }

    @Override
    public long csr(int number) {
        return hart.csr(number);
    }

    @Override
    public void setCsr(int number, long value) {
        hart.setCsr(number, value);
    }
}
