package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Builds an out-of-tree driver with Kbuild against the guest kit: {@code make -C <kit> M=<dir> modules}. */
public final class DriverBuild {

    private final GuestKit kit;

    public DriverBuild(GuestKit kit) {
        this.kit = kit;
    }

    /** Builds the driver in {@code directory} (unless nothing changed since its last build) and returns its modules. */
    public List<Path> build(Path directory) throws GuestToolException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new GuestToolException("no driver directory at " + dir);
        }
        if (!Files.isRegularFile(dir.resolve("Makefile")) && !Files.isRegularFile(dir.resolve("Kbuild"))) {
            throw new GuestToolException(dir + " has no Makefile or Kbuild file: a driver directory needs one "
                    + "with an obj-m line, e.g. 'obj-m += mydriver.o'.");
        }
        KbuildState state = new KbuildState(dir, kit);
        if (state.current(modulesIn(dir))) {
            return modulesIn(dir);
        }
        ExternalCommand.Result result = new ExternalCommand(List.of("make", "-s", "-C", kit.directory().toString(),
                "M=" + dir, "modules")).run();
        if (!result.succeeded()) {
            throw new BuildFailedException("the driver in " + dir + " did not build; the compiler's messages:",
                    result.output().stream().filter(DriverBuild::worthShowing).toList());
        }
        List<Path> modules = modulesIn(dir);
        if (modules.isEmpty()) {
            throw new GuestToolException("building " + dir + " produced no .ko file: does its Makefile say obj-m?");
        }
        try {
            state.built();
        } catch (IOException e) {
            throw new GuestToolException("cannot write " + dir.resolve(KbuildState.KIT_RECORD) + ": " + e.getMessage(), e);
        }
        return modules;
    }

    private static boolean worthShowing(String line) {
        return !line.startsWith("make[") && !line.isBlank();
    }

    private static List<Path> modulesIn(Path dir) throws GuestToolException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ko")).sorted().toList();
        } catch (IOException e) {
            throw new GuestToolException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
