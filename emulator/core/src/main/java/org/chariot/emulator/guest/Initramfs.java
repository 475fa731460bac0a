package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The initramfs of one run: the kit's base plus the modules under test and the exercise program. */
public final class Initramfs {

    /** Where the init finds the exercise program. */
    public static final String EXERCISE_PATH = "/chariot/exercise";

    private Initramfs() {
    }

    /**
     * The files a run adds to the kit's base: each module where the init looks for it,
     * {@code /lib/modules/<module name>.ko}, and the exercise program, if any.
     */
    public static List<GuestFile> runFiles(List<KernelModule> modules, Path exercise) {
        List<GuestFile> files = new ArrayList<>();
        for (KernelModule module : modules) {
            files.add(new GuestFile("/lib/modules/" + module.name() + ".ko", module.file(), 0644));
        }
        if (exercise != null) {
            files.add(new GuestFile(EXERCISE_PATH, exercise.toAbsolutePath(), 0755));
        }
        return files;
    }

    /** Writes the kit's base initramfs plus {@code files} as {@code initramfs.cpio} in {@code outputDir}. */
    public static Path write(GuestKit kit, List<GuestFile> files, Path outputDir) throws GuestToolException {
        try {
            List<String> list = new ArrayList<>(Files.readAllLines(kit.initramfsList()));
            for (GuestFile file : files) {
                list.add(String.format("file %s %s 0%o 0 0", file.guestPath(), file.hostFile(), file.mode()));
            }
            Path listFile = Files.write(outputDir.resolve("initramfs.list"), list);
            Path cpio = outputDir.resolve("initramfs.cpio");
            ExternalCommand.Result result = new ExternalCommand(List.of("bash", "-c", "\"$0\" \"$1\" > \"$2\"",
                    kit.genInitCpio().toString(), listFile.toString(), cpio.toString())).run();
            if (!result.succeeded()) {
                throw new GuestToolException("making the initramfs failed", result.output());
            }
            return cpio;
        } catch (IOException e) {
            throw new GuestToolException("cannot write the initramfs in " + outputDir + ": " + e.getMessage(), e);
        }
    }
}
