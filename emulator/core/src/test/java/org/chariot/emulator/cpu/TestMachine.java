package org.chariot.emulator.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Supplier;
import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.devices.ManualClock;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;

/** A hart with 4 MiB of RAM at 0x8000_0000 and a clock the test moves by hand. */
final class TestMachine {

    static final long RAM_BASE = 0x8000_0000L;

    final Ram ram = new Ram(4 << 20);
    final Bus bus = new Bus(RAM_BASE, ram);
    final ManualClock clock = new ManualClock();
    final Hart hart = new Hart(0, bus, clock);

    /** The address of the loop the loaded program ends in. */
    long end;
    Assembler.Program program;

    /** Assembles {@code source} followed by an endless loop, loads it at the start of RAM and points the pc there. */
    TestMachine load(String source) {
        program = Assembler.program(source + "\nchariot_end: j chariot_end\n", RAM_BASE);
        System.arraycopy(program.image(), 0, ram.bytes(), 0, program.image().length);
        end = program.symbol("chariot_end");
        hart.setPc(RAM_BASE);
        return this;
    }

    /** Runs the loaded program to its end loop; fails if it does not get there. */
    TestMachine runToEnd() {
        runTo(end, 1_000_000);
        return this;
    }

    /** Runs at most {@code limit} instructions and expects the guest to reach {@code pc}. */
    void runTo(long pc, long limit) {
        hart.debug().insertBreakpoint(pc);
        StopReason reason = hart.run(limit);
        hart.debug().removeBreakpoint(pc);
        assertEquals(StopReason.BREAKPOINT, reason, () -> "stopped at 0x" + Long.toHexString(hart.pc())
                + (hart.faultReport() != null ? "\n" + hart.faultReport() : ""));
        assertEquals(pc, hart.pc());
    }

    /** Shows the stores to {@code page} to an observer that decides each with {@code decision}. */
    void observeStores(long page, Supplier<StoreDecision> decision) {
        hart.mmu().addStoreObserver(new StoreObserver() {
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return virtualPage == page;
            }

            @Override
            public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
                return decision.get();
            }
        });
    }

    long x(int i) {
        return hart.x(i);
    }
}
