package org.chariot.emulator.machine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.snapshot.Snapshottable;

/**
 * The file of a machine snapshot: the clock's time, the hart's state, each device's state in the
 * platform's order (each named by its class and base address, so a snapshot of another device set
 * is refused), and the RAM's non-zero pages. Written to a temporary file and renamed, so a reader
 * never sees half of one.
 */
final class MachineSnapshot {

    private static final String MAGIC = "chariot machine snapshot";
    private static final int FORMAT = 1;
    private static final int PAGE = 4096;

    private MachineSnapshot() {
    }

    /** Why {@code platform} cannot be snapshotted now (a device that cannot save its state), or empty. */
    static Optional<String> refusal(Platform platform) {
        for (Platform.Mapping mapping : platform.devices()) {
            if (!(mapping.device() instanceof Snapshottable device) || !device.canSnapshot()) {
                return Optional.of(String.format("the device %s at 0x%x cannot save its state",
                        mapping.device().getClass().getSimpleName(), mapping.base()));
            }
        }
        return Optional.empty();
    }

    static void save(Platform platform, Path file) throws IOException {
        Optional<String> refusal = refusal(platform);
        if (refusal.isPresent()) {
            throw new IOException("this machine cannot be snapshotted: " + refusal.get());
        }
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary),
                1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            byte[] ram = platform.ram().bytes();
            out.writeInt(ram.length);
            out.writeLong(platform.clock().now());
            platform.hart().state().saveState(out);
            List<Platform.Mapping> devices = platform.devices();
            out.writeInt(devices.size());
            for (Platform.Mapping mapping : devices) {
                out.writeUTF(mapping.device().getClass().getName());
                out.writeLong(mapping.base());
                ((Snapshottable) mapping.device()).saveState(out);
            }
            for (int page = 0; page < ram.length / PAGE; page++) {
                if (!isZero(ram, page * PAGE)) {
                    out.writeInt(page);
                    out.write(ram, page * PAGE, PAGE);
                }
            }
            out.writeInt(-1);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Restores into {@code platform}, freshly built with the configuration the snapshot was taken with. */
    static void restore(Platform platform, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT) {
                throw new IOException(file + " is not a snapshot of this emulator's format");
            }
            byte[] ram = platform.ram().bytes();
            if (in.readInt() != ram.length) {
                throw new IOException(file + " is a snapshot of a machine with another memory size");
            }
            platform.clock().continueFrom(in.readLong());
            platform.hart().state().restoreState(in);
            List<Platform.Mapping> devices = platform.devices();
            if (in.readInt() != devices.size()) {
                throw new IOException(file + " is a snapshot of a machine with other devices");
            }
            for (Platform.Mapping mapping : devices) {
                String name = in.readUTF();
                long base = in.readLong();
                if (!name.equals(mapping.device().getClass().getName()) || base != mapping.base()
                        || !(mapping.device() instanceof Snapshottable device)) {
                    throw new IOException(file + " is a snapshot of a machine with other devices (" + name + ")");
                }
                device.restoreState(in);
            }
            Arrays.fill(ram, (byte) 0);
            for (int page = in.readInt(); page >= 0; page = in.readInt()) {
                in.readFully(ram, page * PAGE, PAGE);
            }
        }
    }

    private static boolean isZero(byte[] bytes, int from) {
        for (int i = from; i < from + PAGE; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
