package org.chariot.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.chariot.emulator.guest.Fingerprint;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Installation;

/**
 * What the last complete set-up of this checkout found: the packages installed and the kit built.
 * Checking again costs a package query and the kit script's hashing, half a second and more on every
 * command; the record spares that while neither Debian's package database nor the kit's inputs have
 * changed since (by their files' times and sizes), and the kit is still there.
 */
final class SetupRecord {

    private static final Path PACKAGE_DATABASE = Path.of("/var/lib/dpkg/status");

    private final Installation installation;
    private final Path file;

    SetupRecord(Installation installation, List<String> packages) {
        this.installation = installation;
        this.file = installation.cache().resolve("setup").resolve(Fingerprint.of(installation.root() + " " + packages) + ".properties");
    }

    /** The kit the record names, if the record still holds. */
    Optional<GuestKit> kit() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties record = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            record.load(reader);
            String kit = record.getProperty("kit", "");
            if (!fingerprint().equals(record.getProperty("inputs")) || !Files.exists(Path.of(kit, ".complete"))) {
                return Optional.empty();
            }
            return Optional.of(GuestKit.open(Path.of(kit)));
        } catch (IOException | GuestToolException e) {
            return Optional.empty();
        }
    }

    /** Records a complete set-up that produced {@code kit}. */
    void save(GuestKit kit) throws IOException {
        Properties record = new Properties();
        record.setProperty("inputs", fingerprint());
        record.setProperty("kit", kit.directory().toString());
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            record.store(writer, "the last complete set-up of " + installation.root());
        }
    }

    Path file() {
        return file;
    }

    /** Times and sizes of Debian's package database and of every kit input. */
    private String fingerprint() throws IOException {
        StringBuilder inputs = new StringBuilder(stamp(PACKAGE_DATABASE));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(installation.guestInputs())) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path input : files) {
            inputs.append('\n').append(installation.guestInputs().relativize(input)).append(' ').append(stamp(input));
        }
        return Fingerprint.of(inputs.toString());
    }

    private static String stamp(Path file) throws IOException {
        return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
    }
}
