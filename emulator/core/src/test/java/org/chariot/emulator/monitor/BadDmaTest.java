package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.run.ExitStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DMA into memory the driver did not map, on the machine's example PCI device (test resource
 * {@code drivers/bad-dma}, one bug per run): reported as kind {@code dma} at the driver's line that
 * started the device, blocked under {@code block} (the bytes stay as they were), let through under
 * {@code report}; a correctly mapped transfer reports nothing and lands.
 */
class BadDmaTest {

    private static GuestKit kit;
    private static FaultSuiteDriver driver;

    @BeforeAll
    static void build(@TempDir Path directory) throws Exception {
        kit = IsolatedRun.kit();
        driver = FaultSuiteDriver.build(kit, "bad-dma", "bad_dma.c", directory);
    }

    @ParameterizedTest
    @ValueSource(strings = {"unmapped", "after-unmap", "too-long"})
    void aDeviceWriteOutsideTheDriversMappingsIsReportedAtTheLineThatStartedItAndBlocked(String bug) throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=" + bug), null, Policy.BLOCK,
                List.of());
        String console = String.join("\n", outcome.console());
        assertFalse(outcome.violations().isEmpty(), "no violation for " + bug + ":\n" + console);
        for (Violation violation : outcome.violations()) {
            assertEquals("dma", violation.kind().jsonName(), ViolationReport.format(violation));
            assertEquals(driver.lineMarked("/* BUG: dma */"), violation.source().line(), ViolationReport.format(violation));
            assertEquals("blocked", violation.verdict());
        }
        assertEquals(ExitStatus.VIOLATIONS, outcome.result().status(), outcome.result().message() + "\n" + console);
        assertTrue(outcome.consoleHas("bad_dma: the device's write did not land"), console);
        assertFalse(console.contains("Oops") || console.contains("BUG kmalloc"), console);
    }

    @Test
    void underReportTheDeviceWriteLandsAndIsReported() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=unmapped"), null, Policy.REPORT,
                List.of());
        assertEquals(List.of("dma allowed"), outcome.violations().stream()
                .map(v -> v.kind().jsonName() + " " + v.verdict()).distinct().toList());
        assertTrue(outcome.consoleHas("bad_dma: the device's write landed"), String.join("\n", outcome.console()));
    }

    @Test
    void aTransferIntoMappedMemoryIsNotReportedAndLands() throws Exception {
        IsolatedRun.Outcome outcome = IsolatedRun.run(kit, driver.module(), List.of("bug=none"), null, Policy.BLOCK, List.of());
        assertEquals(List.of(), outcome.violations().stream().map(ViolationReport::format).toList());
        assertEquals(ExitStatus.OK, outcome.result().status(), String.join("\n", outcome.console()));
        assertTrue(outcome.consoleHas("bad_dma: the device's write landed"), String.join("\n", outcome.console()));
    }
}
