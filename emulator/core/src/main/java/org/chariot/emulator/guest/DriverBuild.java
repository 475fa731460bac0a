package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Builds an out-of-tree driver with Kbuild against the guest kit: {@code make -C <kit> M=<dir> modules}. */
public final class DriverBuild {

    /** modpost's report of a symbol no module and no part of the kernel exports. */
    private static final Pattern UNDEFINED = Pattern.compile("modpost: \"([^\"]+)\" \\[.*\\] undefined!");

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
            throw failure(dir, result.output());
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

    /**
     * What went wrong: the compiler's messages, or, when modpost found symbols that no part of the
     * kit's kernel exports, each of them with the Kconfig option that would provide it.
     */
    private BuildFailedException failure(Path dir, List<String> output) throws GuestToolException {
        List<String> undefined = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String line : output) {
            Matcher modpost = UNDEFINED.matcher(line);
            if (modpost.find()) {
                undefined.add(modpost.group(1));
            } else if (worthShowing(line) && !line.startsWith("make: ***")) {
                rest.add(line);
            }
        }
        if (undefined.isEmpty()) {
            return new BuildFailedException("the driver in " + dir + " did not build; the compiler's messages:",
                    output.stream().filter(DriverBuild::worthShowing).toList());
        }
        SymbolOptions options = SymbolOptions.of(kit);
        List<String> details = new ArrayList<>();
        undefined.stream().distinct().map(options::explain).forEach(details::add);
        details.addAll(rest);
        return new BuildFailedException("the driver in " + dir + " uses " + (undefined.size() == 1 ? "a symbol" : "symbols")
                + " the guest kernel lacks; set the Kconfig options named below in emulator/guest/kernel.config and run "
                + "./chariot setup to rebuild the kit:", details);
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
