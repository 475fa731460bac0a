package org.chariot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MachineAndElfCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void bothExplainThemselves() {
        assertEquals(0, execute(new MachineCommand(), "--help"));
        assertTrue(out.toString().contains("--kernel=IMAGE"), out.toString());
        assertEquals(0, execute(new ElfCommand(), "--help"));
        assertTrue(out.toString().contains("tohost"), out.toString());
    }

    @Test
    void elfThatIsNotAnElfIsAUsageErrorWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("prog.elf"), "not a program");
        assertEquals(2, execute(new ElfCommand(), file.toString()));
        assertTrue(err.toString().contains("not an ELF file"), err.toString());
    }

    @Test
    void missingKernelIsAUsageError() {
        assertEquals(2, execute(new MachineCommand(), "--kernel", dir.resolve("Image").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void kernelThatIsNotAnImageIsAUsageErrorWithAHint() throws IOException {
        Path notImage = Files.write(dir.resolve("vmlinux"), new byte[4096]);
        assertEquals(2, execute(new MachineCommand(), "--kernel", notImage.toString()));
        assertTrue(err.toString().contains("not a RISC-V Linux Image"), err.toString());
    }

    @Test
    void memoryOutOfRangeIsAUsageError() throws IOException {
        Path kernel = Files.write(dir.resolve("Image"), new byte[4096]);
        assertEquals(2, execute(new MachineCommand(), "--kernel", kernel.toString(), "-m", "4"));
        assertTrue(err.toString().contains("4 is out of range; give 16 to 1024 (MiB)"), err.toString());
    }
}
