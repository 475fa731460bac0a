package org.chariot.emulator.guest;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * A built guest kit: the kernel, its symbols and derived offsets, the base initramfs and what it
 * takes to build modules and programs for the guest. Layout: {@code emulator/guest/README.md}.
 */
public record GuestKit(Path directory) {

    /** Opens a kit directory, checking that every part the runs need is there. */
    public static GuestKit open(Path directory) throws GuestToolException {
        GuestKit kit = new GuestKit(directory.toAbsolutePath().normalize());
        List<Path> required = List.of(kit.image(), kit.vmlinux(), kit.systemMap(), kit.initramfsList(),
                kit.genInitCpio(), kit.guestCc(), directory.resolve("Makefile"));
        for (Path part : required) {
            if (!Files.exists(part)) {
                throw new GuestToolException("the guest kit at " + directory + " lacks " + directory.relativize(part)
                        + ". Rebuild it with ./chariot setup.");
            }
        }
        return kit;
    }

    /** Names the guest kernel for reports: its release and the kit's key. */
    public String kernelIdentity() {
        Properties properties = properties();
        if (properties.isEmpty()) {
            return "kit " + directory.getFileName();
        }
        return "Linux " + properties.getProperty("kernel.release", "?") + " (kit " + directory.getFileName() + ")";
    }

    /** The kit's key: the hash of its inputs, which changes whenever anything the guest runs changes. */
    public String key() {
        return directory.getFileName().toString();
    }

    /** The Linux source tree the kit's kernel was built from (its own self-tests live there). */
    public Path kernelSource() throws GuestToolException {
        String source = properties().getProperty("kernel.source");
        if (source == null) {
            throw new GuestToolException("the guest kit at " + directory + " does not name its kernel source "
                    + "(kit.properties, kernel.source). Rebuild it with ./chariot setup.");
        }
        return Path.of(source);
    }

    private Properties properties() {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(directory.resolve("kit.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            properties.clear();
        }
        return properties;
    }

    public Path image() {
        return directory.resolve("Image");
    }

    public Path vmlinux() {
        return directory.resolve("vmlinux");
    }

    public Path systemMap() {
        return directory.resolve("System.map");
    }

    /** The guest kernel's configuration ({@code .config} of its build tree). */
    public Path kernelConfig() {
        return directory.resolve("build/.config");
    }

    public Path offsets() {
        return directory.resolve("offsets.properties");
    }

    public Path initramfsList() {
        return directory.resolve("initramfs.list");
    }

    public Path genInitCpio() {
        return directory.resolve("bin/gen_init_cpio");
    }

    /** The kernel's own loadable modules, built with the kernel ({@code =m} in its config). */
    public KitModules modules() {
        return new KitModules(directory.resolve("modules"));
    }

    public Path guestCc() {
        return directory.resolve("guest-cc");
    }
}
