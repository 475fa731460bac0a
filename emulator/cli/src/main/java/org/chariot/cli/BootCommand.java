package org.chariot.cli;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code chariot boot}: boot the bundled guest with no driver and power it off. */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = "Boots the bundled Linux guest with no driver; its init reports and powers off.")
final class BootCommand implements Callable<Integer> {

    @Mixin
    GuestOptions guest;

    @Override
    public Integer call() {
        return GuestRunner.execute(Reporter.standard(), guest, List.of(), List.of(), Optional.empty(), List.of(), null,
                List.of());
    }
}
