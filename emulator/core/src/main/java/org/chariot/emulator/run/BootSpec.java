package org.chariot.emulator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chariot.emulator.guest.KernelModule;

/**
 * What a machine needs to boot the guest once.
 *
 * @param modules the driver modules the guest's init loads, for debuggers and the monitor
 * @param disk a host file the guest sees as a virtio block device, or null
 */
public record BootSpec(Path kernel, Path initrd, String commandLine, List<KernelModule> modules, int memoryMiB,
        Path disk, Duration timeout) {

    public BootSpec {
        modules = List.copyOf(modules);
    }
}
