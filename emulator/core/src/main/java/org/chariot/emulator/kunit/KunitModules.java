package org.chariot.emulator.kunit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.symbols.ElfFile;

/** Which modules hold KUnit suites, and Chariot's filter that selects their cases. */
public final class KunitModules {

    /** The section where {@code kunit_test_suite(...)} puts a module's suites. */
    private static final String SUITES = ".kunit_test_suites";
    private static final String FILTER = "chariot_kunit_filter";

    private KunitModules() {
    }

    /** Whether the module declares KUnit suites (they run when it is loaded). */
    public static boolean declaresSuites(KernelModule module) throws GuestToolException {
        try {
            return ElfFile.read(module.file()).section(SUITES).isPresent();
        } catch (IOException e) {
            throw new GuestToolException("cannot read " + module.file() + " as a kernel module: " + e.getMessage());
        }
    }

    /**
     * Chariot's filter module, built with {@code kit} under {@code work}: loaded before the suites'
     * modules with the module parameter of {@link #filterParameter}, it keeps the matching cases only.
     */
    public static KernelModule filter(GuestKit kit, Path work) throws GuestToolException {
        Path directory = work.resolve("kunit-filter");
        try (InputStream source = KunitModules.class.getResourceAsStream(FILTER + ".c")) {
            Files.createDirectories(directory);
            Files.copy(source, directory.resolve(FILTER + ".c"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve("Makefile"), "obj-m += " + FILTER + ".o\n");
        } catch (IOException e) {
            throw new GuestToolException("cannot write Chariot's KUnit filter module in " + directory + ": "
                    + e.getMessage());
        }
        List<Path> built = new DriverBuild(kit).build(directory);
        return KernelModule.of(built.getFirst());
    }

    /** The filter's parameter for {@code glob} ({@code suite_glob[.test_glob]}, as kunit.filter_glob takes it). */
    public static String filterParameter(String glob) {
        return FILTER + ".glob=" + glob;
    }
}
