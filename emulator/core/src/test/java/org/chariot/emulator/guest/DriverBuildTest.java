package org.chariot.emulator.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A driver built against the kit that uses what the kit's kernel lacks is told which Kconfig option provides it. */
class DriverBuildTest {

    @TempDir
    Path work;

    @Test
    void eachMissingSymbolIsNamedWithTheKconfigOptionThatBuildsIt() throws Exception {
        Path driver = copy(Path.of("src/test/resources/drivers/needs-missing"));
        DriverBuild build = new DriverBuild(TestKits.given());
        BuildFailedException failure = assertThrows(BuildFailedException.class, () -> build.build(driver));
        assertTrue(failure.getMessage().contains("kernel.config"), failure.getMessage());
        assertEquals(1, linesAbout(failure, "usb_register_driver: exported by drivers/usb/core/driver.c, built with "
                + "CONFIG_USB, which the kit does not set"), String.join("\n", failure.details()));
        assertEquals(1, linesAbout(failure, "usb_deregister: exported by drivers/usb/core/driver.c, built with CONFIG_USB"));
        String spmi = line(failure, "__devm_regmap_init_spmi_base: ");
        assertTrue(spmi.contains("drivers/base/regmap/regmap-spmi.c, built with CONFIG_REGMAP_SPMI"), spmi);
        assertTrue(spmi.contains("no prompt: enable an option that selects it"), spmi);
        assertTrue(line(failure, "chariot_no_such_function: ").contains("no kernel source exports it"));
        assertTrue(failure.details().stream().noneMatch(l -> l.contains("modpost")), "modpost's own lines are replaced");
    }

    @Test
    void aSymbolOfAKitModuleLinksAndThatModuleIsLoadedFirst() throws Exception {
        GuestKit kit = TestKits.given();
        KernelModule at24 = kit.modules().module("at24");
        List<String> needed = kit.modules().dependenciesOf(List.of(at24)).stream().map(KernelModule::name).toList();
        assertEquals(List.of("regmap_i2c"), needed);
        KernelModule iioDummy = kit.modules().module("iio-dummy");
        List<String> chain = kit.modules().dependenciesOf(List.of(iioDummy)).stream().map(KernelModule::name).toList();
        assertTrue(chain.indexOf("industrialio_configfs") < chain.indexOf("industrialio_sw_device"), chain::toString);
        assertTrue(chain.indexOf("kfifo_buf") < chain.indexOf("industrialio_triggered_buffer"), chain::toString);
        assertThrows(GuestToolException.class, () -> kit.modules().module("no_such_module"));
    }

    private static long linesAbout(BuildFailedException failure, String text) {
        return failure.details().stream().filter(l -> l.startsWith(text)).count();
    }

    private static String line(BuildFailedException failure, String start) {
        return failure.details().stream().filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + start + " in " + failure.details()));
    }

    private Path copy(Path source) throws Exception {
        Path target = Files.createDirectories(work.resolve(source.getFileName()));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
