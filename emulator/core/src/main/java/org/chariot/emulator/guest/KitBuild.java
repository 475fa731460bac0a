package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds (or finds, when its inputs are unchanged) the guest kit with the checkout's
 * {@code emulator/guest/build-kit.sh}, which keys the kit by the hash of its inputs.
 */
public final class KitBuild {

    private final Installation installation;
    private final Consumer<String> progress;

    public KitBuild(Installation installation, Consumer<String> progress) {
        this.installation = installation;
        this.progress = progress;
    }

    public GuestKit ensureBuilt() throws GuestToolException {
        Path script = installation.guestInputs().resolve("build-kit.sh");
        if (!Files.isRegularFile(script)) {
            throw new GuestToolException("no guest kit build script at " + script
                    + ": set CHARIOT_ROOT to a Chariot checkout.");
        }
        Path pathFile;
        try {
            pathFile = Files.createTempFile("chariot-kit", ".path");
        } catch (IOException e) {
            throw new GuestToolException("cannot create a temporary file: " + e.getMessage(), e);
        }
        try {
            // The script prints progress on stderr and only the kit's path on stdout.
            ExternalCommand.Result result = new ExternalCommand(List.of("bash", "-c", "bash \"$0\" \"$1\" 2>&1 >\"$2\"",
                    script.toString(), installation.cache().toString(), pathFile.toString())).onLine(progress).run();
            String kitPath = Files.readString(pathFile).trim();
            if (!result.succeeded() || kitPath.isEmpty()) {
                throw new GuestToolException("building the guest kit failed (exit " + result.exitCode()
                        + "); its messages are above. Fix the cause and run ./chariot setup again.", result.tail(20));
            }
            return GuestKit.open(Path.of(kitPath));
        } catch (IOException e) {
            throw new GuestToolException("cannot read the kit's path: " + e.getMessage(), e);
        } finally {
            pathFile.toFile().delete();
        }
    }
}
