package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.chariot.emulator.mmu.StoreDecision;
import org.junit.jupiter.api.Test;

/** The halt and drop policies as the run loop sees them: a halted store has not retired. */
class ObservedStoreTest {

    private final TestMachine machine = new TestMachine();
    private StoreDecision decision = StoreDecision.HALT;

    @Test
    void haltStopsBeforeTheStoreAndResumingPerformsIt() {
        machine.load("""
                la   s0, target
                li   t0, 7
                store:
                sd   t0, 0(s0)
                ld   a0, 0(s0)
                j    chariot_end
                .balign 4096
                target: .dword 1
                """);
        long target = machine.program.symbol("target");
        machine.observeStores(target, () -> decision);
        assertEquals(StopReason.STORE_HALTED, machine.hart.run(100));
        assertEquals(machine.program.symbol("store"), machine.hart.pc(), "stopped at the store");
        assertEquals(1, machine.ram.bytes()[(int) (target - TestMachine.RAM_BASE)], "nothing written");
        decision = StoreDecision.DROP;
        machine.runToEnd();
        assertEquals(1, machine.x(10), "dropped: the guest went on and reads the old value");
    }
}
