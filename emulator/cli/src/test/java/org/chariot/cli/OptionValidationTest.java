package org.chariot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command refuses an out-of-range or unusable option value as a usage error (exit status 2):
 * one line that names the option and what it accepts, no stack trace, and nothing done first (the
 * commands' progress goes to the process's standard streams, which stay empty).
 */
class OptionValidationTest {

    private static Path driver;
    private static Path file;

    @BeforeAll
    static void inputs() throws IOException {
        Path dir = Files.createTempDirectory("chariot-options");
        driver = Files.createDirectory(dir.resolve("driver"));
        file = Files.writeString(dir.resolve("Image"), "not a kernel");
    }

    /** Arguments with {@code DRIVER} and {@code FILE} standing for a driver directory and a file that exist. */
    static Stream<String> refusals() {
        return Stream.of(
                "run DRIVER --memory 1 | '--memory': 1 is out of range; give 16 to 1024 (MiB)",
                "run DRIVER --memory 100000 | '--memory': 100000 is out of range; give 16 to 1024 (MiB)",
                "run DRIVER --memory lots | 'lots' is not a whole number; give 16 to 1024 (MiB)",
                "run DRIVER --timeout 0 | '--timeout': 0 is out of range; give 1 to 86400 (seconds)",
                "run DRIVER --timeout -5 | -5 is out of range; give 1 to 86400 (seconds)",
                "run DRIVER --gdb 70000 | '--gdb': 70000 is out of range; give 0 to 65535",
                "run DRIVER --policy stop | unknown isolation policy 'stop': use block, report or halt",
                "run DRIVER --wait-gdb | --wait-gdb waits for a GDB client: give --gdb PORT too",
                "run DRIVER --machine qemu --gdb 0 | --gdb needs our machine: drop --machine qemu",
                "run DRIVER --machine bochs | expected one of [ours, qemu]",
                "run DRIVER --machine qemu --no-snapshot | --no-snapshot is for our machine (QEMU always boots)",
                "run DRIVER --param debug | module parameter 'debug' is not of the form name=value",
                "run DRIVER --exercise-arg a\"b | contains a double quote",
                "run DRIVER --exercise no/such.c | no/such.c does not exist",
                "run DRIVER --disk no/such.img | no/such.img does not exist",
                "run DRIVER --isolate no/such/driver | no/such/driver does not exist; give a driver directory",
                "run no/such/driver | no/such/driver does not exist; give a driver directory",
                "run | nothing to run: give a DRIVER",
                "run DRIVER --pci-disk no/such.img | no/such.img does not exist",
                "run DRIVER --device no/such.device | no/such.device does not exist",
                "run DRIVER --gpio 9=high | the GPIO lines are 0..7",
                "run DRIVER --gpio 1=up | is not a GPIO input: give LINE=high, LINE=low or LINE=lineN",
                "run DRIVER --machine qemu --gpio 1=high | --device and --gpio need our machine",
                "run DRIVER --machine qemu --device FILE | --device and --gpio need our machine",
                "run DRIVER --pcap no/such/dir/link.pcap | does not exist; give a file in an existing directory",
                "run DRIVER --json no/such/dir/events.jsonl | does not exist; give a file in an existing directory",
                "run DRIVER --junit no/such/dir/junit.xml | does not exist; give a file in an existing directory",
                "run DRIVER --sarif no/such/dir/chariot.sarif | does not exist; give a file in an existing directory",
                "run DRIVER --coverage no/such/dir/cov.info | does not exist; give a file in an existing directory",
                "run DRIVER --coverage-xml DRIVER | is a directory; give a file to write",
                "run DRIVER --coverage FILE.info --no-isolate | coverage counts the instructions the isolation monitor sees",
                "run DRIVER --check reads --no-isolate | --check reads needs isolation on our machine",
                "run DRIVER --check reads --machine qemu | --check reads needs isolation on our machine",
                "run DRIVER --check writes | Invalid value for option '--check'",
                "boot --memory 8 | 8 is out of range; give 16 to 1024 (MiB)",
                "boot --timeout 0 | 0 is out of range; give 1 to 86400 (seconds)",
                "demo --timeout 100000 | 100000 is out of range; give 1 to 86400 (seconds)",
                "bench boot --runs 0 | '--runs': 0 is out of range; give 1 or more",
                "bench boot --warmup -1 | -1 is out of range; give 0 or more",
                "bench isolation --runs 0 | 0 is out of range; give 1 or more",
                "bench compute --runs 0 | 0 is out of range; give 1 or more",
                "bench selftest --warmup -1 | -1 is out of range; give 0 or more",
                "bench selftest --timeout 0 | 0 is out of range; give 1 to 86400 (seconds)",
                "bench isolation no/such/driver | no/such/driver does not exist",
                "bench isolation DRIVER --exercise no/such.c | no/such.c does not exist",
                "inject DRIVER --trials 0 | '--trials': 0 is out of range; give 1 or more",
                "inject DRIVER --timeout 0 | 0 is out of range; give 1 to 86400 (seconds)",
                "inject DRIVER --param =1 | module parameter '=1' is not of the form name=value",
                "inject no/such/driver | no driver directory at no/such/driver",
                "machine --kernel no/such/Image | no/such/Image does not exist",
                "machine --kernel FILE -m 4 | '-m': 4 is out of range; give 16 to 1024 (MiB)",
                "machine --kernel FILE --timeout 0 | 0 is out of range; give 1 to 86400 (seconds)",
                "machine --kernel FILE --initrd no/such.cpio | no/such.cpio does not exist",
                "elf no/such.elf | no/such.elf does not exist",
                "elf FILE --limit 0 | 0 is out of range; give 1 or more (instructions)",
                "ide --workspace FILE | is a file, not a directory; give a directory");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedBeforeAnyWorkInOneLine(String refusal) {
        String[] parts = refusal.split(" \\| ");
        List<String> args = new ArrayList<>();
        for (String word : parts[0].split(" ")) {
            args.add(word.replace("DRIVER", driver.toString()).replace("FILE", file.toString()));
        }
        StringWriter err = new StringWriter();
        ByteArrayOutputStream processOutput = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream errStream = System.err;
        int status;
        try (PrintStream capture = new PrintStream(processOutput, true)) {
            System.setOut(capture);
            System.setErr(capture);
            var commandLine = ChariotCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            commandLine.setOut(new PrintWriter(new StringWriter(), true));
            status = commandLine.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(errStream);
        }
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, status, err.toString());
        assertTrue(lines.get(0).contains(parts[1]), "expected '" + parts[1] + "' in: " + err);
        assertTrue(lines.get(lines.size() - 1).endsWith("--help' for the options."), err.toString());
        assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), err.toString());
        assertEquals("", processOutput.toString(), "work was started before the options were checked");
    }
}
