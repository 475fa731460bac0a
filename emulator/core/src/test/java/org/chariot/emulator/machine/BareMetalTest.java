package org.chariot.emulator.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareMetalTest {

    private static final long LIMIT = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void programReportsItsCodeThroughTohostAndPrintsOnTheUart() throws Exception {
        Path elf = TestPrograms.assemble(dir, "hello", """
                .globl _start
                _start:
                    li t0, 0x10000000
                    li t1, 'h'
                    sb t1, 0(t0)
                    li t1, 'i'
                    sb t1, 0(t0)
                    li a0, (42 << 1) | 1
                    la t0, tohost
                    sd a0, 0(t0)
                1:  j 1b
                """ + TestPrograms.TOHOST);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        assertEquals(42, BareMetal.run(elf, LIMIT, console));
        assertEquals("hi", console.toString(StandardCharsets.US_ASCII));
        assertEquals(42, BareMetal.run(elf, LIMIT), "the console may be left out");
    }

    @Test
    void programThatNeverReportsRunsIntoTheLimit() throws Exception {
        Path elf = TestPrograms.assemble(dir, "spin", """
                .globl _start
                _start: j _start
                """ + TestPrograms.TOHOST);
        BareMetalException e = assertThrows(BareMetalException.class, () -> BareMetal.run(elf, LIMIT));
        assertInstanceOf(MachineExit.LimitReached.class, e.exit());
    }

    @Test
    void trapWithoutHandlerIsReportedAsAFaultWithTheHartsReport() throws Exception {
        Path elf = TestPrograms.assemble(dir, "illegal", """
                .globl _start
                _start: .word 0
                """ + TestPrograms.TOHOST);
        BareMetalException e = assertThrows(BareMetalException.class, () -> BareMetal.run(elf, LIMIT));
        MachineExit.Fault fault = assertInstanceOf(MachineExit.Fault.class, e.exit());
        assertTrue(fault.report().contains("mtvec is 0"), fault.report());
    }

    @Test
    void programWithoutTohostIsRejected() throws Exception {
        assertRejected(TestPrograms.assemble(dir, "notohost", "_start: j _start\n"), "no tohost symbol");
    }

    @Test
    void fileThatIsNotAnElfIsRejectedWithAReason() throws Exception {
        assertRejected(Files.writeString(dir.resolve("notes.txt"), "hello, I am not a program"), "not an ELF");
    }

    @Test
    void truncatedElfIsRejectedWithAReason() throws Exception {
        byte[] bytes = Files.readAllBytes(TestPrograms.assemble(dir, "whole", "_start: j _start\n" + TestPrograms.TOHOST));
        assertRejected(Files.write(dir.resolve("truncated.elf"), Arrays.copyOf(bytes, 100)), "outside the file");
    }

    @Test
    void elfForAnotherMachineIsRejected() throws Exception {
        byte[] bytes = Files.readAllBytes(TestPrograms.assemble(dir, "other", "_start: j _start\n" + TestPrograms.TOHOST));
        bytes[18] = 62; // EM_X86_64
        assertRejected(Files.write(dir.resolve("x86.elf"), bytes), "not RISC-V");
    }

    private static void assertRejected(Path file, String reason) {
        InvalidElfException e = assertThrows(InvalidElfException.class, () -> BareMetal.run(file, LIMIT));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
