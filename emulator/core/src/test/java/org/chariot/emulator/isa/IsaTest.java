package org.chariot.emulator.isa;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.chariot.emulator.cpu.TranslationModes;
import org.chariot.emulator.machine.BareMetal;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/** Every ISA test program passes on Chariot's machine, interpreted and with every block translated. */
class IsaTest {

    /** Far above what any program needs (the longest waits about 0.2 s of guest time for timers). */
    private static final long INSTRUCTION_LIMIT = 2_000_000_000L;
    /** A hart that stops making progress (say, asleep in WFI for good) must not hang the build. */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TestFactory
    Stream<DynamicContainer> everyProgramPassesOnTheMachineInterpretedAndTranslated() throws IOException {
        List<DynamicContainer> modes = new ArrayList<>();
        for (TranslationModes mode : TranslationModes.values()) {
            modes.add(DynamicContainer.dynamicContainer(mode.name().toLowerCase(), IsaPrograms.tests(
                    IsaPrograms.Target.MACHINE, elf -> mode.with(() -> assertTimeoutPreemptively(TIMEOUT,
                            () -> BareMetal.run(elf, INSTRUCTION_LIMIT),
                            () -> elf.getFileName() + " did not finish within " + TIMEOUT.toSeconds() + " s")))));
        }
        return modes.stream();
    }
}
