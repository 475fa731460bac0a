package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.mmu.StoreDecision;
import org.junit.jupiter.api.Test;

/**
 * A store observer (the isolation monitor) reads the hart's pc at each store it is asked about:
 * with translation on, the hart interprets while one is installed, so that pc is the store's own
 * and not the start of a translated block.
 */
class TranslationGateTest {

    @Test
    void anObservedStoreSeesItsOwnPcWithEveryBlockTranslated() throws Exception {
        TestMachine machine = TranslationModes.TRANSLATED.with(TestMachine::new);
        machine.load("""
                la   s0, target
                li   t0, 0
                li   t1, 50
                loop:
                addi t0, t0, 1
                store:
                sd   t0, 0(s0)
                blt  t0, t1, loop
                j    chariot_end
                .balign 4096
                target: .dword 0
                """);
        long target = machine.program.symbol("target");
        List<Long> pcs = new ArrayList<>();
        machine.observeStores(target, () -> {
            pcs.add(machine.hart.pc());
            return StoreDecision.COMMIT;
        });
        machine.hart.run(1_000);
        assertEquals(50, pcs.size(), "every store observed");
        long store = machine.program.symbol("store");
        assertEquals(List.of(store), pcs.stream().distinct().toList(), "each seen at the store's own pc");
        assertEquals(50, machine.x(5), "the loop ran to its end");
    }
}
