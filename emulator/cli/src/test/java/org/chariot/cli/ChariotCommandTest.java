package org.chariot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChariotCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = ChariotCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"setup", "kit", "boot", "run", "demo", "test", "ide", "machine", "elf", "bench", "inject"})
    void everySubcommandExplainsItself(String name) {
        assertEquals(0, execute(name, "--help"));
        assertTrue(out.toString().startsWith("Usage: chariot " + name), out.toString());
    }

    @Test
    void kitPathHasHelpToo() {
        assertEquals(0, execute("kit", "path", "--help"));
        assertTrue(out.toString().contains("make -C"), out.toString());
    }

    @Test
    void runWithoutADriverIsAUsageError() {
        assertEquals(2, execute("run"));
        assertTrue(err.toString().contains("nothing to run: give a DRIVER"), err.toString());
    }

    @Test
    void anUnknownMachineIsAUsageErrorListingTheChoices() {
        assertEquals(2, execute("run", "--machine", "bochs", "examples/drivers/hello"));
        assertTrue(err.toString().contains("qemu"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"boot", "isolation"})
    void everyBenchmarkExplainsItself(String name) {
        assertEquals(0, execute("bench", name, "--help"));
        assertTrue(out.toString().startsWith("Usage: chariot bench " + name), out.toString());
    }

    @Test
    void benchWithoutABenchmarkIsAUsageErrorNamingThem() {
        assertEquals(2, execute("bench"));
        assertTrue(err.toString().contains("chariot bench boot") && err.toString().contains("isolation"), err.toString());
    }

    @Test
    void injectNeedsAtLeastOneTrialAndADriverDirectory() {
        assertEquals(2, execute("inject", "--trials", "0", "examples/drivers/chardev"));
        assertTrue(err.toString().contains("0 is out of range; give 1 or more"), err.toString());
        assertEquals(2, execute("inject", "no/such/driver"));
        assertTrue(err.toString().contains("no driver directory at no/such/driver"), err.toString());
    }

    @Test
    void runHelpDocumentsTheExitStatuses() {
        execute("run", "--help");
        assertTrue(out.toString().contains("3 guest panic"), out.toString());
    }
}
