package org.chariot.emulator.cpu;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * A hart's architectural state for a snapshot: registers, pc, privilege, the reservation, WFI,
 * the retired count, every CSR and the stored {@code mip} bits. Caches (TLBs, decoded
 * instructions) are not state: a restore flushes the TLBs.
 */
final class HartState implements Snapshottable {

    private final Hart hart;

    HartState(Hart hart) {
        this.hart = hart;
    }

    @Override
    public void saveState(DataOutput out) throws IOException {
        for (long register : hart.x) {
            out.writeLong(register);
        }
        out.writeLong(hart.pc);
        out.writeInt(hart.privilege());
        out.writeLong(hart.reservation);
        out.writeBoolean(hart.waitingForInterrupt);
        out.writeLong(hart.instructionsRetired());
        Csrs c = hart.csrs;
        for (long value : new long[] {c.mstatus, c.medeleg, c.mideleg, c.mie, c.mtvec, c.mcounteren, c.menvcfg,
            c.mscratch, c.mepc, c.mcause, c.mtval, c.stvec, c.scounteren, c.senvcfg, c.sscratch, c.sepc, c.scause,
            c.stval, c.satp, c.stimecmp}) {
            out.writeLong(value);
        }
        for (long value : c.pmpcfg) {
            out.writeLong(value);
        }
        for (long value : c.pmpaddr) {
            out.writeLong(value);
        }
        out.writeLong(hart.pendingInterrupts().bits());
    }

    @Override
    public void restoreState(DataInput in) throws IOException {
        for (int i = 0; i < hart.x.length; i++) {
            hart.x[i] = in.readLong();
        }
        hart.setPc(in.readLong());
        int privilege = in.readInt();
        hart.reservation = in.readLong();
        hart.waitingForInterrupt = in.readBoolean();
        hart.setInstructionsRetired(in.readLong());
        Csrs c = hart.csrs;
        c.mstatus = in.readLong();
        c.medeleg = in.readLong();
        c.mideleg = in.readLong();
        c.mie = in.readLong();
        c.mtvec = in.readLong();
        c.mcounteren = in.readLong();
        c.menvcfg = in.readLong();
        c.mscratch = in.readLong();
        c.mepc = in.readLong();
        c.mcause = in.readLong();
        c.mtval = in.readLong();
        c.stvec = in.readLong();
        c.scounteren = in.readLong();
        c.senvcfg = in.readLong();
        c.sscratch = in.readLong();
        c.sepc = in.readLong();
        c.scause = in.readLong();
        c.stval = in.readLong();
        c.satp = in.readLong();
        c.stimecmp = in.readLong();
        for (int i = 0; i < c.pmpcfg.length; i++) {
            c.pmpcfg[i] = in.readLong();
        }
        for (int i = 0; i < c.pmpaddr.length; i++) {
            c.pmpaddr[i] = in.readLong();
        }
        hart.pendingInterrupts().write(-1L, in.readLong());
        hart.mmu.flush();
        hart.setPrivilege(privilege);
    }
}
