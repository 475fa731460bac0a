package org.chariot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.Installation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chariot demo}: the character-device example, built, loaded, exercised and unloaded. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Sets up what is missing, then runs the character-device example driver with its exercise program.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    GuestOptions guest;

    @Override
    public Integer call() {
        Path example = Installation.fromEnvironment().examples().resolve("chardev");
        return GuestRunner.execute(Reporter.standard(), guest, List.of(example), List.of(),
                example.resolve("exercise.c"), List.of());
    }
}
