package org.chariot.emulator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.machine.Board;
import org.chariot.emulator.monitor.Policy;

/**
 * What a machine needs to boot the guest once.
 *
 * @param modules the driver modules the guest's init loads, for debuggers and the monitor
 * @param disk a host file the guest sees as a virtio block device, or null
 * @param isolation the modules Chariot isolates in this boot, or null for none
 * @param board the described devices and GPIO inputs the machine gets
 * @param pciDisk a host file the guest sees as a virtio block device on the PCI bus, or null
 * @param networkCapture where to write a pcap file of every frame on the guest's network link, or null
 * @param payload the initramfs's run files and the command line for a guest restored from a snapshot of the booted
 *     kit instead, or null if the run must boot (its kernel arguments take effect only at boot)
 */
public record BootSpec(Path kernel, Path initrd, String commandLine, List<KernelModule> modules, int memoryMiB,
        Path disk, Duration timeout, Isolation isolation, Board board, Path pciDisk, Path networkCapture,
        GuestPayload payload) {

    /**
     * Modules isolated by the monitor, which knows the guest kernel from {@code kit}; with {@code
     * checkReads} their reads are checked too.
     */
    public record Isolation(GuestKit kit, List<KernelModule> modules, Policy policy, boolean checkReads) {

        public Isolation {
            modules = List.copyOf(modules);
        }
    }

    public BootSpec {
        modules = List.copyOf(modules);
    }
}
