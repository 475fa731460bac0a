package org.chariot.emulator.machine;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to boot and with what: kernel {@code Image}, optional initramfs, disks and network capture,
 * command line, memory, what the board adds (described devices, GPIO inputs), console streams and
 * limits. Build with {@link #builder(Path)}.
 */
public final class MachineConfig {

    public static final int DEFAULT_MEMORY_MIB = 128;
    /** The machine's RAM range in MiB; the bundled guest boots in the smallest. */
    public static final int MIN_MEMORY_MIB = 16;
    public static final int MAX_MEMORY_MIB = 1024;

    private final Path kernel;
    private final Path initrd;
    private final String bootargs;
    private final int memoryMib;
    private final Path disk;
    private final Path pciDisk;
    private final Path networkCapture;
    private final Board board;
    private final InputStream consoleInput;
    private final OutputStream consoleOutput;
    private final Duration timeLimit;
    private final long instructionLimit;

    private MachineConfig(Builder b) {
        this.kernel = b.kernel;
        this.initrd = b.initrd;
        this.bootargs = b.bootargs;
        this.memoryMib = b.memoryMib;
        this.disk = b.disk;
        this.pciDisk = b.pciDisk;
        this.networkCapture = b.networkCapture;
        this.board = b.board;
        this.consoleInput = b.consoleInput;
        this.consoleOutput = b.consoleOutput;
        this.timeLimit = b.timeLimit;
        this.instructionLimit = b.instructionLimit;
    }

    public static Builder builder(Path kernel) {
        return new Builder(kernel);
    }

    public Path kernel() {
        return kernel;
    }

    public Optional<Path> initrd() {
        return Optional.ofNullable(initrd);
    }

    public String bootargs() {
        return bootargs;
    }

    public int memoryMib() {
        return memoryMib;
    }

    public Optional<Path> disk() {
        return Optional.ofNullable(disk);
    }

    /** A host file for a virtio disk on the PCI bus (the other {@link #disk()} is on virtio-mmio). */
    public Optional<Path> pciDisk() {
        return Optional.ofNullable(pciDisk);
    }

    /** Where to write a pcap file of every frame on the guest's network link. */
    public Optional<Path> networkCapture() {
        return Optional.ofNullable(networkCapture);
    }

    public Board board() {
        return board;
    }

    /** Host input for the guest console; null means the guest gets no input. */
    public InputStream consoleInput() {
        return consoleInput;
    }

    /** Where the guest console goes; discarded unless {@link Builder#console} says otherwise. */
    public OutputStream consoleOutput() {
        return consoleOutput;
    }

    /** Wall-clock limit, which is also the guest-time limit since guest time is real time. */
    public Optional<Duration> timeLimit() {
        return Optional.ofNullable(timeLimit);
    }

    /** Guest instructions after which the run stops; 0 means no limit. */
    public long instructionLimit() {
        return instructionLimit;
    }

    /** Collects the settings; {@link #build()} checks them. */
    public static final class Builder {
        private final Path kernel;
        private Path initrd;
        private String bootargs = "";
        private int memoryMib = DEFAULT_MEMORY_MIB;
        private Path disk;
        private Path pciDisk;
        private Path networkCapture;
        private Board board = Board.PLAIN;
        private InputStream consoleInput;
        private OutputStream consoleOutput = OutputStream.nullOutputStream();
        private Duration timeLimit;
        private long instructionLimit;

        private Builder(Path kernel) {
            this.kernel = Objects.requireNonNull(kernel, "kernel");
        }

        public Builder initrd(Path value) {
            initrd = value;
            return this;
        }

        public Builder bootargs(String value) {
            bootargs = Objects.requireNonNull(value, "bootargs");
            return this;
        }

        public Builder memoryMib(int value) {
            memoryMib = value;
            return this;
        }

        public Builder disk(Path value) {
            disk = value;
            return this;
        }

        public Builder pciDisk(Path value) {
            pciDisk = value;
            return this;
        }

        public Builder networkCapture(Path value) {
            networkCapture = value;
            return this;
        }

        public Builder board(Board value) {
            board = Objects.requireNonNull(value, "board");
            return this;
        }

        public Builder console(InputStream input, OutputStream output) {
            consoleInput = input;
            consoleOutput = Objects.requireNonNull(output, "console output");
            return this;
        }

        public Builder timeLimit(Duration value) {
            timeLimit = value;
            return this;
        }

        public Builder instructionLimit(long value) {
            instructionLimit = value;
            return this;
        }

        public MachineConfig build() {
            if (memoryMib < MIN_MEMORY_MIB || memoryMib > MAX_MEMORY_MIB) {
                throw new IllegalArgumentException("memory must be " + MIN_MEMORY_MIB + ".." + MAX_MEMORY_MIB + " MiB, not " + memoryMib);
            }
            if (instructionLimit < 0) {
                throw new IllegalArgumentException("instruction limit must be positive (or 0 for none)");
            }
            if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
                throw new IllegalArgumentException("time limit must be positive, not " + timeLimit);
            }
            return new MachineConfig(this);
        }
    }
}
