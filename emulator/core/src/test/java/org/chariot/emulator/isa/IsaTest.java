package org.chariot.emulator.isa;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;
import org.chariot.emulator.machine.BareMetal;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every ISA test program passes on Chariot's machine. */
class IsaTest {

    /** Far above what any program needs (the longest waits about 0.2 s of guest time for timers). */
    private static final long INSTRUCTION_LIMIT = 2_000_000_000L;
    /** A hart that stops making progress (say, asleep in WFI for good) must not hang the build. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TestFactory
    Stream<DynamicTest> everyProgramPassesOnTheMachine() throws IOException {
        return IsaPrograms.tests(IsaPrograms.Target.MACHINE, elf -> assertTimeoutPreemptively(TIMEOUT,
                () -> BareMetal.run(elf, INSTRUCTION_LIMIT),
                () -> elf.getFileName() + " did not finish within " + TIMEOUT.toSeconds() + " s"));
    }
}
