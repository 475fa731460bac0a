package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether Kbuild would build anything in a driver directory, told without running {@code make}
 * (whose start alone costs seconds). It reads what Kbuild recorded: each object's {@code .cmd} file
 * names its source and every file it included; an object older than one of those in the driver's
 * directory, a module older than its objects or than the Makefile, a build made with another kit or
 * in another directory (a copy of a built driver: its objects name the original's files), means a
 * build. Kernel headers belong to the kit, whose directory is recorded beside the objects with the
 * driver directory's own.
 */
final class KbuildState {

    /** Hidden and ending in {@code .cmd}, as Kbuild's own records, so that drivers' ignore rules cover it. */
    static final String KIT_RECORD = ".chariot.kit.cmd";

    private final Path directory;
    private final GuestKit kit;

    KbuildState(Path directory, GuestKit kit) {
        this.directory = directory;
        this.kit = kit;
    }

    /** Records that the directory was just built with the kit. */
    void built() throws IOException {
        Files.writeString(directory.resolve(KIT_RECORD), record(), StandardCharsets.UTF_8);
    }

    /** What a build here with the kit records: the kit's directory and this one's. */
    private String record() {
        return kit.directory() + "\n" + directory.toAbsolutePath().normalize() + "\n";
    }

    /** True if the modules in the directory are what a build with the kit would make now; false when unsure. */
    boolean current(List<Path> modules) {
        try {
            return recordsShowCurrent(modules);
        } catch (IOException e) {
            return false;
        }
    }

    private boolean recordsShowCurrent(List<Path> modules) throws IOException {
        Path record = directory.resolve(KIT_RECORD);
        if (modules.isEmpty() || !Files.isRegularFile(record)
                || !Files.readString(record, StandardCharsets.UTF_8).equals(record())) {
            return false;
        }
        FileTime oldestModule = modules.stream().map(KbuildState::modified).min(FileTime::compareTo).orElseThrow();
        for (String makefile : List.of("Makefile", "Kbuild")) {
            Path file = directory.resolve(makefile);
            if (Files.exists(file) && modified(file).compareTo(oldestModule) > 0) {
                return false;
            }
        }
        List<Path> records;
        try (Stream<Path> files = Files.walk(directory)) {
            records = files.filter(KbuildState::isObjectRecord).toList();
        }
        if (records.isEmpty()) {
            return false;
        }
        for (Path cmd : records) {
            if (!objectCurrent(cmd, oldestModule)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isObjectRecord(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".o.cmd");
    }

    /** {@code .x.o.cmd}: the object {@code x.o} is no newer than the modules, and current with the driver's inputs it names. */
    private boolean objectCurrent(Path cmd, FileTime oldestModule) throws IOException {
        String name = cmd.getFileName().toString();
        Path object = cmd.resolveSibling(name.substring(1, name.length() - ".cmd".length()));
        List<Path> inputs = DependencyList.inputs(cmd).stream().filter(input -> input.startsWith(directory)).toList();
        return DependencyList.current(object, inputs) && modified(object).compareTo(oldestModule) <= 0;
    }

    private static FileTime modified(Path file) {
        return DependencyList.modified(file);
    }
}
