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

    /** Modules go where the init looks for them: {@code /lib/modules/<module name>.ko}. */
    public static Path write(GuestKit kit, List<KernelModule> modules, Path exercise, Path outputDir)
            throws GuestToolException {
        try {
            List<String> list = new ArrayList<>(Files.readAllLines(kit.initramfsList()));
            for (KernelModule module : modules) {
                list.add("file /lib/modules/" + module.name() + ".ko " + module.file() + " 0644 0 0");
            }
            if (exercise != null) {
                list.add("file " + EXERCISE_PATH + " " + exercise.toAbsolutePath() + " 0755 0 0");
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
