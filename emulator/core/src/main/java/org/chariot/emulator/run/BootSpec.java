package org.chariot.emulator.run;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a machine needs to boot the guest once.
 *
 * @param disk a host file the guest sees as a virtio block device, or null
 */
public record BootSpec(Path kernel, Path initrd, String commandLine, int memoryMiB, Path disk, Duration timeout) {
}
