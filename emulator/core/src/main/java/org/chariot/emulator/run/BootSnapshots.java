package org.chariot.emulator.run;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.guest.Fingerprint;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Initramfs;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.machine.MachineExit;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * The booted guest, saved once per kit and machine configuration and restored for each run, so a
 * run starts at the init's first step instead of paying for a boot.
 *
 * <p>The snapshot is of a boot with the kit's base initramfs and the init in payload mode: the
 * init marks a buffer of its own, prints {@code @chariot ready ADDRESS SIZE} and waits. The
 * machine is stopped there and saved. A run restores it, writes its {@link GuestPayload} (its
 * files and command line) into that buffer through the init's page tables, and goes on: the init
 * unpacks the files where the initramfs would have had them and proceeds as after a boot, so the
 * console from {@code @chariot boot} on is a booted run's.
 *
 * <p>A snapshot is keyed by the kit and by the machine's whole device tree (memory size, devices,
 * its boot command line and initramfs), so one from another kit, device set or memory size is
 * never used. A machine with a device that cannot save its state is not snapshotted: the run boots.
 * The snapshot is of the default machine, with only the spec's memory size and the payload's boot
 * arguments: runs that change the machine (disks, a capture, described devices, GPIO inputs) get
 * no payload from {@link DriverRun} and boot.
 */
public final class BootSnapshots {

    static final String PAYLOAD_MODE = "chariot.payload=memory";
    private static final Pattern READY = Pattern.compile("^@chariot ready (\\d+) (\\d+)$");
    private static final byte[] PAGE_MAGIC = "CHRTPAGE".getBytes(StandardCharsets.US_ASCII);
    private static final int PAGE = 4096;
    /** Bumped when what a snapshot holds changes meaning: older files are then not used. */
    private static final String FORMAT = "2";

    private final GuestKit kit;
    private final Path directory;
    private final Consumer<String> stages;

    /** Snapshots of {@code kit}'s guest under {@code cacheDirectory}; {@code stages} is told what happens. */
    public BootSnapshots(GuestKit kit, Path cacheDirectory, Consumer<String> stages) {
        this.kit = kit;
        this.directory = cacheDirectory.resolve(kit.key());
        this.stages = stages;
    }

    /**
     * A machine for {@code spec} restored from the snapshot (taken first if there is none yet) with
     * the run's payload in place, its console going to {@code console}; empty if the run must boot,
     * having said why.
     */
    Optional<Machine> restore(BootSpec spec, OutputStream console) {
        if (spec.payload() == null) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(directory);
            MachineConfig config = baseConfig(spec, console);
            Machine machine = Machine.create(config);
            try {
                Optional<String> refusal = machine.snapshotRefusal();
                if (refusal.isPresent()) {
                    stages.accept("booting without a snapshot: " + refusal.get());
                    machine.close();
                    return Optional.empty();
                }
                Path snapshot = directory.resolve(key(machine) + ".snapshot");
                Path buffer = directory.resolve(key(machine) + ".buffer");
                if (!Files.isRegularFile(snapshot) || !Files.isRegularFile(buffer)) {
                    machine.close();
                    if (!take(spec, snapshot, buffer)) {
                        return Optional.empty();
                    }
                    machine = Machine.create(config);
                }
                machine.restoreSnapshot(snapshot);
                if (!deliver(machine, spec.payload(), buffer)) {
                    machine.close();
                    return Optional.empty();
                }
                return Optional.of(machine);
            } catch (IOException | RuntimeException e) {
                machine.close();
                throw e;
            }
        } catch (IOException | GuestToolException e) {
            stages.accept("booting without a snapshot: " + e.getMessage());
            return Optional.empty();
        }
    }

    private MachineConfig baseConfig(BootSpec spec, OutputStream console) throws GuestToolException {
        Path initramfs = directory.resolve("initramfs.cpio");
        if (!Files.isRegularFile(initramfs)) {
            Initramfs.write(kit, List.of(), directory);
        }
        return MachineConfig.builder(kit.image()).initrd(initramfs)
                .bootargs(String.join(" ", bootArguments(spec.payload()))).memoryMib(spec.memoryMiB())
                .console(null, console).timeLimit(spec.timeout()).build();
    }

    private static List<String> bootArguments(GuestPayload payload) {
        List<String> words = new ArrayList<>(List.of(KernelCommandLine.BASE));
        words.addAll(payload.bootArguments());
        words.add(PAYLOAD_MODE);
        return words;
    }

    /** The kit, the emulator's snapshot format, and the device tree, which describes all of the machine. */
    private String key(Machine machine) {
        return Fingerprint.of((kit.key() + "\n" + FORMAT + "\n").getBytes(StandardCharsets.UTF_8), machine.deviceTree());
    }

    /** Boots to the init's payload wait, checks its buffer and saves the machine; false (said why) if it could not. */
    private boolean take(BootSpec spec, Path snapshot, Path buffer) throws IOException, GuestToolException {
        stages.accept("booting the guest once to save a snapshot of it (per kit and machine configuration)");
        AtomicReference<Machine> booting = new AtomicReference<>();
        long[] ready = new long[2];
        String[] lastLine = {"none"};
        ConsoleLines console = new ConsoleLines(line -> {
            lastLine[0] = line;
            Matcher matcher = READY.matcher(line);
            if (matcher.matches()) {
                ready[0] = Long.parseLong(matcher.group(1));
                ready[1] = Long.parseLong(matcher.group(2));
                booting.get().stop();
            }
        });
        try (Machine machine = Machine.create(baseConfig(spec, console))) {
            booting.set(machine);
            MachineExit exit = machine.run();
            if (!(exit instanceof MachineExit.Stopped) || ready[1] == 0) {
                stages.accept("booting without a snapshot: the guest did not reach its payload wait (" + exit
                        + "); its last line: " + lastLine[0]);
                return false;
            }
            Optional<String> unmapped = checkBuffer(machine, ready[0], ready[1]);
            if (unmapped.isPresent()) {
                stages.accept("booting without a snapshot: " + unmapped.get());
                return false;
            }
            Properties where = new Properties();
            where.setProperty("address", Long.toString(ready[0]));
            where.setProperty("size", Long.toString(ready[1]));
            try (Writer writer = Files.newBufferedWriter(buffer)) {
                where.store(writer, "the init's payload buffer in the snapshot beside this file");
            }
            machine.saveSnapshot(snapshot);
            return true;
        }
    }

    /** Every page of the buffer must be mapped where the stopped hart looks, and marked by the init. */
    private static Optional<String> checkBuffer(Machine machine, long address, long size) {
        for (long page = 0; page < size / PAGE; page++) {
            try {
                byte[] mark = machine.hart().debug().readMemory(address + page * PAGE, 16);
                long index = ByteBuffer.wrap(mark, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                if (!Arrays.equals(mark, 0, 8, PAGE_MAGIC, 0, 8) || index != page) {
                    return Optional.of("page " + page + " of the init's payload buffer is not where it should be");
                }
            } catch (MemoryFault e) {
                return Optional.of("page " + page + " of the init's payload buffer is not mapped where the hart stopped");
            }
        }
        return Optional.empty();
    }

    /** Writes the run's payload into the restored init's buffer; false (said why) if it does not fit. */
    private boolean deliver(Machine machine, GuestPayload payload, Path buffer) throws IOException {
        Properties where = new Properties();
        try (Reader reader = Files.newBufferedReader(buffer)) {
            where.load(reader);
        }
        long address = Long.parseLong(where.getProperty("address", "0"));
        long size = Long.parseLong(where.getProperty("size", "0"));
        byte[] bytes = payload.encode();
        if (bytes.length > size) {
            stages.accept("booting without a snapshot: the run's files (" + bytes.length + " bytes) exceed the init's "
                    + "payload buffer (" + size + " bytes)");
            return false;
        }
        try {
            machine.hart().debug().writeMemory(address, bytes);
        } catch (MemoryFault e) {
            throw new IOException("the snapshot's payload buffer at 0x" + Long.toHexString(address) + " is not mapped", e);
        }
        return true;
    }
}
