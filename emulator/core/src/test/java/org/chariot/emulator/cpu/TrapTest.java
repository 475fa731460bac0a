package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exceptions, delegation, interrupts, WFI and the environment-call hook, run from assembled programs. */
class TrapTest {

    private static final int A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14;
    private static final long INTERRUPT = 1L << 63;

    private final TestMachine machine = new TestMachine();

    /** Enters S-mode at label "supervisor" with the M-mode trap vector at "machine_trap" (4-byte aligned, as tvec needs). */
    private static final String TO_SUPERVISOR = """
                la    t0, machine_trap
                csrw  mtvec, t0
                la    t0, supervisor
                csrw  mepc, t0
                li    t0, 1 << 11
                csrs  mstatus, t0
                mret
            """;

    @Test
    void supervisorEcallGoesToTheHostHandlerFirst() {
        machine.hart.setEnvironmentCallHandler(hart -> {
            hart.setX(A0, hart.x(17) * 2);
            return hart.x(17) != 0;
        });
        machine.load(TO_SUPERVISOR + """
                supervisor:
                li    a7, 21
                ecall
                mv    a1, a0
                li    a7, 0
                ecall
                j     chariot_end
                .balign 4
                machine_trap:
                csrr  a2, mcause
                csrr  a3, mepc
                j     chariot_end
                """).runToEnd();
        assertEquals(42, machine.x(A1), "handled: the hart resumed after the ecall");
        assertEquals(9, machine.x(A2), "not handled: ecall from S trapped into M");
        assertEquals(machine.program.symbol("supervisor") + 10, machine.x(A3));
        assertEquals(3, machine.hart.privilege());
    }

    @Test
    void delegatedExceptionsGoToSupervisorWithCauseValueAndPreviousPrivilege() {
        machine.load("""
                li    t0, 1 << 2
                csrw  medeleg, t0
                la    t0, supervisor_trap
                csrw  stvec, t0
                """ + TO_SUPERVISOR + """
                supervisor:
                bad:
                .word 0xffffffff
                j     chariot_end
                .balign 4
                supervisor_trap:
                csrr  a0, scause
                csrr  a1, stval
                csrr  a2, sepc
                csrr  a3, sstatus
                j     chariot_end
                .balign 4
                machine_trap:
                j     machine_trap
                """).runToEnd();
        assertEquals(2, machine.x(A0));
        assertEquals(0xffffffffL, machine.x(A1), "stval holds the illegal instruction");
        assertEquals(machine.program.symbol("bad"), machine.x(A2));
        assertEquals(Csr.STATUS_SPP, machine.x(A3) & Csr.STATUS_SPP, "came from S");
        assertEquals(1, machine.hart.privilege());
    }

    @Test
    void misalignedAtomicsTrapWithTheAddressWhilePlainAccessesJustWork() {
        machine.load("""
                la    t0, machine_trap
                csrw  mtvec, t0
                la    s0, data
                ld    a3, 2(s0)
                addi  s0, s0, 2
                amoadd.w a0, t0, (s0)
                j     chariot_end
                .balign 4
                machine_trap:
                csrr  a1, mcause
                csrr  a2, mtval
                j     chariot_end
                .balign 8
                data: .dword 0x1122334455667788, 0x99
                """).runToEnd();
        assertEquals(0x0099112233445566L, machine.x(A3), "a misaligned load is performed");
        assertEquals(6, machine.x(A1), "store/AMO address misaligned");
        assertEquals(machine.program.symbol("data") + 2, machine.x(A2));
    }

    @Test
    void supervisorCannotTouchMachineCsrs() {
        machine.load(TO_SUPERVISOR + """
                supervisor:
                csrr  a0, mstatus
                j     chariot_end
                .balign 4
                machine_trap:
                csrr  a1, mcause
                csrr  a2, mtval
                j     chariot_end
                """).runToEnd();
        assertEquals(2, machine.x(A1));
        assertEquals(0x30002573L, machine.x(A2), "csrr a0, mstatus");
    }

    @Test
    void machineInterruptsComeBeforeSupervisorOnesAndVectoredModeAddsFourTimesTheCause() {
        machine.hart.interrupts().setPending(InterruptTarget.SEIP, true);
        machine.hart.interrupts().setPending(InterruptTarget.MTIP, true);
        machine.load("""
                la    t0, vectors
                ori   t0, t0, 1
                csrw  mtvec, t0
                li    t0, (1 << 9) | (1 << 7)
                csrw  mie, t0
                csrsi mstatus, 8
                nop
                j     chariot_end
                .balign 64
                vectors:
                .option push
                .option norvc
                .rept 16
                j     other
                .endr
                .option pop
                other:
                csrr  a0, mcause
                auipc a1, 0
                j     chariot_end
                """);
        long vectors = machine.program.symbol("vectors");
        machine.runTo(vectors + 4 * 7, 1000);
        machine.runTo(machine.end, 1000);
        assertEquals(INTERRUPT | 7, machine.x(A0), "MTI outranks SEI");
    }

    @Test
    void sstcTimerRaisesASupervisorTimerInterrupt() {
        machine.hart.setCsr(Csr.MIDELEG, 1 << InterruptTarget.STIP);
        machine.load("""
                la    t0, supervisor_trap
                csrw  stvec, t0
                """ + TO_SUPERVISOR + """
                supervisor:
                li    t0, 1 << 5
                csrs  sie, t0
                li    t0, 1000
                csrw  stimecmp, t0
                csrsi sstatus, 2
                spin:
                j     spin
                .balign 4
                supervisor_trap:
                csrr  a0, scause
                csrr  a1, sip
                li    t0, -1
                csrw  stimecmp, t0
                csrr  a2, sip
                j     chariot_end
                .balign 4
                machine_trap:
                j     machine_trap
                """);
        assertEquals(StopReason.INSTRUCTION_LIMIT, machine.hart.run(500), "no interrupt before the deadline");
        machine.clock.advance(1000);
        machine.runToEnd();
        assertEquals(INTERRUPT | 5, machine.x(A0));
        assertEquals(1 << 5, machine.x(A1) & (1 << 5));
        assertEquals(0, machine.x(A2) & (1 << 5), "a later stimecmp clears STIP");
    }

    @Test
    @Timeout(10)
    void wfiSleepsUntilADeviceRaisesAnInterrupt() throws Exception {
        machine.load("""
                li    t0, 1 << 11
                csrw  mie, t0
                wfi
                li    a0, 1
                """);
        CompletableFuture<StopReason> run = CompletableFuture.supplyAsync(() -> machine.hart.run(1000));
        assertThrows(TimeoutException.class, () -> run.get(200, TimeUnit.MILLISECONDS), "asleep in WFI");
        machine.hart.interrupts().setPending(InterruptTarget.MEIP, true);
        assertEquals(StopReason.INSTRUCTION_LIMIT, run.get(5, TimeUnit.SECONDS));
        assertEquals(1, machine.x(A0), "woke up (MIE is off, so no trap) and went on");
    }

    @Test
    void wfiInUserModeIsIllegal() {
        machine.load("""
                la    t0, machine_trap
                csrw  mtvec, t0
                la    t0, user
                csrw  mepc, t0
                li    t0, 3 << 11
                csrc  mstatus, t0
                mret
                user:
                wfi
                j     chariot_end
                .balign 4
                machine_trap:
                csrr  a0, mcause
                j     chariot_end
                """).runToEnd();
        assertEquals(2, machine.x(A0));
    }

    @Test
    void wfiWithNothingThatCouldWakeTheHartReportsIdle() {
        machine.load("""
                wfi
                li a0, 1
                """);
        assertEquals(StopReason.IDLE, machine.hart.run(1000));
        assertEquals(TestMachine.RAM_BASE + 4, machine.hart.pc(), "the wfi retired");
    }

    @Test
    @Timeout(10)
    void requestStopEndsARunFromAnotherThread() throws Exception {
        machine.load("""
                spin:
                j spin
                """);
        assertEquals(StopReason.INSTRUCTION_LIMIT, machine.hart.run(10));
        CompletableFuture<StopReason> run = CompletableFuture.supplyAsync(() -> machine.hart.run(Long.MAX_VALUE));
        machine.hart.requestStop();
        assertEquals(StopReason.STOP_REQUESTED, run.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aTrapIntoMachineModeWithoutHandlerIsReportedNotFollowed() {
        machine.load("""
                li   a0, 7
                ebreak
                """);
        assertEquals(StopReason.INTERNAL_FAULT, machine.hart.run(100));
        String report = machine.hart.faultReport().toString();
        assertTrue(report.contains("exception 3"), report);
        assertTrue(report.contains("mtvec is 0"), report);
        assertTrue(report.contains("a0   0x0000000000000007"), report);
        assertTrue(report.contains("0x80000000 0x80000002"), report);
    }

    @Test
    void anEmulatorFailureStopsTheHartWithAReport() {
        machine.hart.setEnvironmentCallHandler(hart -> {
            throw new IllegalStateException("SBI bug");
        });
        machine.load(TO_SUPERVISOR + """
                supervisor:
                ecall
                .balign 4
                machine_trap:
                j machine_trap
                """);
        assertEquals(StopReason.INTERNAL_FAULT, machine.hart.run(100));
        FaultReport report = machine.hart.faultReport();
        assertTrue(report.problem().contains("SBI bug"), report.problem());
        assertEquals(machine.program.symbol("supervisor"), report.pc());
        assertEquals(1, report.privilege());
    }
}
