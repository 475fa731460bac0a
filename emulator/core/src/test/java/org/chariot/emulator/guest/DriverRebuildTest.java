package org.chariot.emulator.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kbuild is skipped when nothing it would build changed, and runs when anything it reads did (the real kit's Kbuild). */
class DriverRebuildTest {

    private static GuestKit kit;

    @TempDir
    Path driver;

    @BeforeAll
    static void openKit() throws Exception {
        kit = TestKits.given();
    }

    private void write(String name, String content) throws IOException {
        Path file = driver.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        // File times are as coarse as the file system's: date each edit clearly after the last build.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
    }

    private String source(String message) {
        return "#include <linux/module.h>\n#include \"message.h\"\n"
                + "static int __init m_init(void) { pr_info(\"%s " + message + "\\n\", PREFIX); return 0; }\n"
                + "static void __exit m_exit(void) { }\nmodule_init(m_init);\nmodule_exit(m_exit);\n"
                + "MODULE_LICENSE(\"GPL\");\n";
    }

    private FileTime builtModule() throws Exception {
        List<Path> modules = new DriverBuild(kit).build(driver);
        assertEquals(List.of(driver.resolve("skip.ko")), modules);
        return Files.getLastModifiedTime(modules.get(0));
    }

    private static boolean moduleSays(Path ko, String text) throws IOException {
        return new String(Files.readAllBytes(ko), StandardCharsets.ISO_8859_1).contains(text);
    }

    @Test
    void unchangedDriverIsNotRebuiltAndEachKindOfEditIs() throws Exception {
        Files.writeString(driver.resolve("Makefile"), "obj-m += skip.o\n");
        Files.writeString(driver.resolve("message.h"), "#define PREFIX \"first\"\n");
        Files.writeString(driver.resolve("skip.c"), source("one"));
        FileTime first = builtModule();

        assertEquals(first, builtModule(), "nothing changed: the module is not rebuilt");

        write("skip.c", source("two"));
        FileTime afterSource = builtModule();
        assertNotEquals(first, afterSource, "an edited source is rebuilt");
        assertTrue(moduleSays(driver.resolve("skip.ko"), "two"));

        write("message.h", "#define PREFIX \"second\"\n");
        FileTime afterHeader = builtModule();
        assertNotEquals(afterSource, afterHeader, "an edited header the source includes is rebuilt");
        assertTrue(moduleSays(driver.resolve("skip.ko"), "second"));

        write("Makefile", "obj-m += skip.o\nccflags-y += -DUNUSED=1\n");
        assertNotEquals(afterHeader, builtModule(), "an edited Makefile is rebuilt");

        Files.delete(driver.resolve("skip.o"));
        FileTime beforeClean = Files.getLastModifiedTime(driver.resolve("skip.ko"));
        assertNotEquals(beforeClean, builtModule(), "a missing object is rebuilt");
    }

    @Test
    void buildWithAnotherKitGoesToKbuild() throws Exception {
        Files.writeString(driver.resolve("Makefile"), "obj-m += skip.o\n");
        Files.writeString(driver.resolve("message.h"), "#define PREFIX \"kit\"\n");
        Files.writeString(driver.resolve("skip.c"), source("kit"));
        builtModule();
        Path record = driver.resolve(KbuildState.KIT_RECORD);
        Files.writeString(record, "/somewhere/else/kit\n");
        builtModule();
        assertEquals(kit.directory().toString(), Files.readString(record).lines().findFirst().orElseThrow(),
                "modules recorded as built with another kit go through Kbuild with this one");
    }

    @Test
    void aCopyOfABuiltDriverIsBuiltWhereItIs(@TempDir Path elsewhere) throws Exception {
        Files.writeString(driver.resolve("Makefile"), "obj-m += skip.o\n");
        Files.writeString(driver.resolve("message.h"), "#define PREFIX \"copy\"\n");
        Files.writeString(driver.resolve("skip.c"), source("copy"));
        builtModule();
        Path copy = Files.createDirectories(elsewhere.resolve("copy"));
        try (var files = Files.list(driver)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        FileTime copied = Files.getLastModifiedTime(copy.resolve("skip.ko"));
        new DriverBuild(kit).build(copy);
        assertNotEquals(copied, Files.getLastModifiedTime(copy.resolve("skip.ko")),
                "the copy's objects name the original's files (its debug info, its sources): Kbuild builds it again");
    }
}
