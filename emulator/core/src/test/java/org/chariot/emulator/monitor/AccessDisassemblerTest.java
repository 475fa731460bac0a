package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.symbols.KernelSymbols;
import org.junit.jupiter.api.Test;

/**
 * The report's disassembly of stores and loads says what binutils' objdump says, over real driver
 * and kernel code, and the saves of the registers a callee keeps are recognised as such.
 */
class AccessDisassemblerTest {

    /** A save on the stack of a register the callee must keep, as objdump spells it. */
    private static final Pattern CALLEE_SAVED = Pattern.compile("sd (ra|s[0-9]|s1[01]),-?[0-9]+\\(sp\\)");
    private static final Map<String, Integer> REGISTER_NUMBERS = Map.ofEntries(Map.entry("ra", 1), Map.entry("s0", 8),
            Map.entry("s1", 9), Map.entry("s2", 18), Map.entry("s3", 19), Map.entry("s4", 20), Map.entry("s5", 21),
            Map.entry("s6", 22), Map.entry("s7", 23), Map.entry("s8", 24), Map.entry("s9", 25), Map.entry("s10", 26),
            Map.entry("s11", 27));


    /** {@code   1c:	00f70823          	sb	a5,16(a4)}: the bits and the instruction. */
    private static final Pattern LINE = Pattern.compile("^\\s*[0-9a-f]+:\\s+([0-9a-f]{4,8})\\s+(\\S+)\\s+(\\S+)");
    private static final Pattern ACCESSES = Pattern.compile(
            "s[bhwd]|l[bhw]u?|ld|amo[a-z]+\\.[wd](\\.aq|\\.rl|\\.aqrl)?|sc\\.[wd].*");

    @Test
    void disassemblesEveryStoreAndLoadOfTheExamplesAndOfKernelCodeAsObjdumpDoes() throws Exception {
        GuestKit kit = IsolatedRun.kit();
        List<String> listing = new ArrayList<>();
        for (String driver : List.of("chardev", "platform", "buggy-overflow", "buggy-uaf", "buggy-global")) {
            for (Path ko : new DriverBuild(kit).build(IsolatedRun.driver(driver))) {
                listing.addAll(objdump(ko.toString()));
            }
        }
        long kfree = KernelSymbols.load(kit.systemMap()).address("kfree").orElseThrow();
        listing.addAll(objdump(kit.vmlinux().toString(), "--start-address=0x" + Long.toHexString(kfree - 0x20000),
                "--stop-address=0x" + Long.toHexString(kfree + 0x20000)));
        int compared = 0;
        for (String line : listing) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.find() && ACCESSES.matcher(matcher.group(2)).matches()) {
                int bits = (int) Long.parseLong(matcher.group(1), 16);
                assertEquals(matcher.group(2) + " " + matcher.group(3), AccessDisassembler.disassemble(bits), line);
                Matcher save = CALLEE_SAVED.matcher(matcher.group(2) + " " + matcher.group(3));
                assertEquals(save.matches() ? REGISTER_NUMBERS.get(save.group(1)) : -1,
                        AccessDisassembler.savedRegister(bits), line);
                compared++;
            }
        }
        assertTrue(compared > 1000, "only " + compared + " stores compared");
    }

    private static List<String> objdump(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("riscv64-linux-gnu-objdump", "-d"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, process.waitFor(), "objdump failed: " + command);
        return lines;
    }
}
