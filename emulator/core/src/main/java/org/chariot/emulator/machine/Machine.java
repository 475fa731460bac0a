package org.chariot.emulator.machine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.devices.GuestMemory;
import org.chariot.emulator.devices.net.HostNetwork;
import org.chariot.emulator.devices.net.PacketCapture;
import org.chariot.emulator.devices.pci.ExamplePciDevice;
import org.chariot.emulator.devices.virtio.VirtioBlock;
import org.chariot.emulator.devices.virtio.VirtioPci;
import org.chariot.emulator.devices.virtio.VirtioRng;
import org.chariot.emulator.sbi.Sbi;

/**
 * A RISC-V machine compatible with QEMU's {@code virt} that boots a Linux kernel with the SBI
 * implemented in Java. Create it with {@link #create}, {@link #run()} it once, then close it.
 */
public final class Machine implements AutoCloseable {

    /** Instructions per call into the hart; the hart returns early on any stop request anyway. */
    private static final long SLICE = 1L << 32;

    private final MachineConfig config;
    private final Platform platform;
    private final List<AutoCloseable> resources;
    private final Peripherals peripherals;
    private final byte[] deviceTree;

    private Machine(MachineConfig config, Platform platform, List<AutoCloseable> resources, Peripherals peripherals,
            byte[] deviceTree) {
        this.config = config;
        this.platform = platform;
        this.resources = resources;
        this.peripherals = peripherals;
        this.deviceTree = deviceTree;
    }

    /** Builds the machine and loads kernel, initramfs and device tree; the hart is ready to run. */
    public static Machine create(MachineConfig config) throws IOException {
        Platform platform = new Platform(config.memoryMib() << 20, config.consoleInput(), config.consoleOutput());
        List<AutoCloseable> resources = new ArrayList<>();
        resources.add(platform);
        try {
            platform.attachVirtio(new VirtioRng());
            if (config.disk().isPresent()) {
                VirtioBlock disk = new VirtioBlock(config.disk().get());
                resources.add(disk);
                platform.attachVirtio(disk);
            }
            HostNetwork network = new HostNetwork(config.networkCapture().isEmpty() ? Optional.empty()
                    : Optional.of(PacketCapture.create(config.networkCapture().get())));
            resources.add(network);
            platform.plugNetworkCard(network);
            platform.pci().plug(new ExamplePciDevice(platform.dma()));
            if (config.pciDisk().isPresent()) {
                VirtioBlock disk = new VirtioBlock(config.pciDisk().get());
                resources.add(disk);
                platform.pci().plug(new VirtioPci(disk, platform.dma()));
            }
            Peripherals peripherals = Peripherals.attach(platform, config.board());
            byte[] deviceTree = LinuxBoot.load(platform, config);
            Hart hart = platform.hart();
            hart.setEnvironmentCallHandler(Sbi.standard(platform.clock(), hart.interrupts(), platform.console(), platform.exit()));
            return new Machine(config, platform, resources, peripherals, deviceTree);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /** Runs until the guest powers off or reboots, a limit is reached, or the emulator fails. */
    public MachineExit run() {
        return new RunLoop(platform, config.instructionLimit(), config.timeLimit()).run(SLICE, () -> null);
    }

    /** Ends a run from another thread (e.g. on Ctrl-C); {@link #run()} then returns {@link MachineExit.Stopped}. */
    public void stop() {
        platform.exit().finish(new MachineExit.Stopped());
    }

    /**
     * How the run ended, once it has; empty while it may go on. For a debugger that runs the hart
     * itself: a power-off stops the hart with {@code STOP_REQUESTED} and sets this.
     */
    public Optional<MachineExit> exit() {
        return Optional.ofNullable(platform.exit().exit());
    }

    /** Why this machine cannot be snapshotted (a device that cannot save its state), or empty if it can. */
    public Optional<String> snapshotRefusal() {
        return MachineSnapshot.refusal(platform);
    }

    /** Saves the machine's whole state to {@code file}; between runs only (the hart must not be running). */
    public void saveSnapshot(Path file) throws IOException {
        MachineSnapshot.save(platform, file);
    }

    /**
     * Replaces this machine's state, freshly created and not yet run, by the snapshot in {@code file},
     * which must have been taken of a machine with the same configuration.
     */
    public void restoreSnapshot(Path file) throws IOException {
        MachineSnapshot.restore(platform, file);
    }

    /** The hart, for debuggers and the monitor. */
    public Hart hart() {
        return platform.hart();
    }

    /** Guest RAM as the devices reach it: where their DMA can be watched. */
    public GuestMemory deviceMemory() {
        return platform.dma();
    }

    /** The chips and controllers beyond virt's core, for tests and the host to drive their outside. */
    public Peripherals peripherals() {
        return peripherals;
    }

    /** The flattened device tree the kernel was given. */
    public byte[] deviceTree() {
        return deviceTree.clone();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the machine failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
