package org.chariot.emulator.run;

import java.nio.file.Path;
import java.time.Duration;

/** What a machine needs to boot the guest once. */
public record BootSpec(Path kernel, Path initrd, String commandLine, int memoryMiB, Duration timeout) {
}
