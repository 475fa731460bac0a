package org.chariot.emulator.isa;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every ISA test program also passes on QEMU's {@code spike} machine, the reference: this shows
 * that the programs themselves are right, so a failure on Chariot's machine is the machine's. The
 * few checks where QEMU 7.2 departs from the specification are left out of this build (see
 * {@code QEMU_7_2} in {@code src/test/isa/test.h}).
 */
class IsaOnQemuTest {

    private static final String QEMU = "qemu-system-riscv64";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> everyProgramPassesOnQemuSpike() throws IOException {
        assumeTrue(HostCommand.available(QEMU),
                QEMU + " is not installed (apt-get install --no-install-recommends qemu-system-misc); "
                        + "the programs cannot be checked against the reference");
        return IsaPrograms.tests(IsaPrograms.Target.QEMU_7_2, elf -> {
            HostCommand qemu = HostCommand.run(List.of(QEMU, "-M", "spike", "-bios", "none",
                    "-kernel", elf.toString(), "-nographic", "-monitor", "none", "-serial", "none"), TIMEOUT);
            assertFalse(qemu.timedOut(), () -> elf.getFileName() + " did not finish on QEMU within "
                    + TIMEOUT.toSeconds() + " s:\n" + qemu.output());
            return qemu.exitCode();
        });
    }
}
