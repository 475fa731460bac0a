package org.chariot.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.chariot.emulator.guest.Installation;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code chariot demo}: the character-device example and a buggy driver, isolated side by side. The
 * buggy one writes a byte past its heap buffer; Chariot reports and blocks it, and the character
 * device's exercise then passes, showing that the kernel went on unharmed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Sets up what is missing, then runs the character-device example and the buggy-overflow "
            + "example isolated, with the character device's exercise program.",
            "Exit status 0 when the bug was caught and every step in the guest still passed."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    GuestOptions guest;

    @Override
    public Integer call() {
        Path examples = Installation.fromEnvironment().examples();
        Path chardev = examples.resolve("chardev");
        Reporter reporter = Reporter.standard();
        int status = GuestRunner.execute(reporter, guest, List.of(),
                List.of(chardev, examples.resolve("buggy-overflow")), Optional.empty(), List.of(),
                chardev.resolve("exercise.c"), List.of());
        if (status == ExitStatus.VIOLATIONS.code()) {
            reporter.stage("demo: the bug in buggy-overflow was caught where it happened, and every step passed");
            return ExitStatus.OK.code();
        }
        return status;
    }
}
