package org.chariot.emulator.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.mmu.Privilege;

/**
 * Puts a kernel, its initramfs and the device tree in RAM and leaves the hart as OpenSBI hands it
 * over: S-mode at the kernel entry, a0 = hart id, a1 = device tree address, satp = 0, with M-mode
 * state set up as firmware would (delegation, counters, Sstc, open PMP).
 *
 * <p>Layout: the kernel at RAM base + its header's text offset, the device tree in the last
 * {@value #DTB_SPACE} bytes of RAM, the initramfs right below it.
 */
final class LinuxBoot {

    static final int DTB_SPACE = 64 * 1024;
    static final long PAGE = 4096;

    private LinuxBoot() {
    }

    /** Loads everything and sets up the hart; returns the device tree that was given to the kernel. */
    static byte[] load(Platform platform, MachineConfig config) throws IOException {
        Ram ram = platform.ram();
        long memoryBytes = ram.size();
        KernelImage kernel = KernelImage.read(config.kernel());
        long kernelStart = Platform.RAM_BASE + kernel.textOffset();
        long dtbAddress = Platform.RAM_BASE + memoryBytes - DTB_SPACE;
        MachineDeviceTree.Initrd initrd = null;
        long freeEnd = dtbAddress;
        if (config.initrd().isPresent()) {
            byte[] initramfs = Files.readAllBytes(config.initrd().get());
            long start = (dtbAddress - initramfs.length) & -PAGE;
            initrd = new MachineDeviceTree.Initrd(start, start + initramfs.length);
            freeEnd = start;
            if (start >= kernelStart) {
                copy(ram, start, initramfs);
            }
        }
        if (kernelStart + kernel.imageSize() > freeEnd) {
            throw new IOException("kernel (" + kernel.imageSize() / 1024 + " KiB) and initramfs do not fit in "
                    + memoryBytes / (1024 * 1024) + " MiB of RAM; give the machine more memory (-m)");
        }
        copy(ram, kernelStart, kernel.bytes());
        byte[] dtb = MachineDeviceTree.build(platform, memoryBytes, config.bootargs(), initrd, List.of());
        if (dtb.length > DTB_SPACE) {
            throw new IllegalStateException("device tree of " + dtb.length + " bytes exceeds its " + DTB_SPACE + " byte slot");
        }
        copy(ram, dtbAddress, dtb);
        handOver(platform.hart(), kernelStart, dtbAddress);
        return dtb;
    }

    private static void copy(Ram ram, long address, byte[] data) {
        System.arraycopy(data, 0, ram.bytes(), (int) (address - Platform.RAM_BASE), data.length);
    }

    private static void handOver(Hart hart, long entry, long dtbAddress) {
        FirmwareCsrs.delegateToSupervisor(hart);
        hart.setX(RegisterNames.A0, 0);
        hart.setX(RegisterNames.A1, dtbAddress);
        hart.setPc(entry);
        hart.setPrivilege(Privilege.SUPERVISOR);
    }
}
