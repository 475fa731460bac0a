package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.chariot.emulator.guest.DriverBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real module damaged in many seeded random ways: reading it either works or fails with a
 * malformed-file exception; never with an index, null or arithmetic error, a hang or a crash.
 */
class DamagedModuleTest {

    private static final int DAMAGES = 1000;

    @TempDir
    Path work;

    @Test
    void damagedModulesFailOnlyWithMalformedFileExceptions() throws Exception {
        byte[] original = Files.readAllBytes(builtChardev());
        Random random = new Random(20261125);
        List<String> crashes = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < DAMAGES; i++) {
            byte[] damaged = damage(original, random);
            try {
                read(damaged);
            } catch (MalformedElfException | MalformedDwarfException e) {
                rejected++;
            } catch (RuntimeException | StackOverflowError e) {
                crashes.add("damage " + i + ": " + e);
            }
        }
        assertEquals(List.of(), crashes);
        System.out.println(rejected + " of " + DAMAGES + " damaged copies of chardev.ko were rejected with a message");
    }

    private static void read(byte[] bytes) throws IOException {
        ModuleSymbols symbols = ModuleSymbols.of(ElfFile.parse("damaged.ko", bytes));
        for (ElfSection section : symbols.executableSections()) {
            for (long offset = 0; offset < Math.min(section.size(), 0x40); offset += 2) {
                symbols.locate(section.name(), offset);
                symbols.symbolAt(section.name(), offset);
            }
        }
    }

    /** Either overwrites a few bytes (often with 0xff or 0) or cuts the file short. */
    private static byte[] damage(byte[] original, Random random) {
        if (random.nextInt(10) == 0) {
            return Arrays.copyOf(original, random.nextInt(original.length));
        }
        byte[] copy = original.clone();
        int at = random.nextInt(copy.length);
        int count = 1 + random.nextInt(8);
        for (int i = at; i < Math.min(copy.length, at + count); i++) {
            copy[i] = switch (random.nextInt(3)) {
                case 0 -> (byte) 0xff;
                case 1 -> 0;
                default -> (byte) random.nextInt(256);
            };
        }
        return copy;
    }

    private Path builtChardev() throws Exception {
        DriverBuild build = new DriverBuild(TestEnvironment.openKit());
        Path source = TestEnvironment.exampleDrivers().resolve("chardev");
        Path copy = Files.createDirectories(work.resolve("chardev"));
        try (var files = Files.list(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        List<Path> modules = build.build(copy);
        return modules.stream()
                .filter(module -> module.getFileName().toString().equals("chardev.ko"))
                .findFirst()
                .orElseGet(() -> fail("chardev should build chardev.ko, got " + modules));
    }
}
