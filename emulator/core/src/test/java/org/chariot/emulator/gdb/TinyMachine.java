package org.chariot.emulator.gdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.chariot.emulator.bus.Bus;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.cpu.TimeSource;
import org.chariot.emulator.mmu.Mmu;
import org.chariot.emulator.mmu.Privilege;
import org.chariot.emulator.symbols.ElfFile;
import org.chariot.emulator.symbols.ElfSegment;

/**
 * A bare-metal machine for the stub's tests: 4 MiB of RAM at 0x8000_0000, one hart in S-mode with
 * Sv39 on, RAM mapped at the virtual gigapage 0x4000_0000, and a C program (built with the cross
 * gcc, with debug information) loaded there. The program powers off with the SBI's system reset
 * call, which this machine handles itself.
 */
final class TinyMachine implements DebugTarget {

    static final long RAM_BASE = 0x8000_0000L;
    static final long VIRTUAL_BASE = 0x4000_0000L;
    private static final long ROOT_TABLE = RAM_BASE + 0x30_0000;
    private static final long SBI_SYSTEM_RESET = 0x53525354L;
    private static final long SV39 = 8L << 60;

    final Ram ram = new Ram(4 << 20);
    final Bus bus = new Bus(RAM_BASE, ram);
    final Hart hart = new Hart(0, bus, new FixedClock());
    final ElfFile program;
    final Path elf;
    private volatile Ending ending;

    private TinyMachine(Path elf) throws IOException {
        this.elf = elf;
        this.program = ElfFile.read(elf);
        for (ElfSegment segment : program.segments()) {
            program.copy(segment, ram.bytes(), (int) (segment.physicalAddress() - VIRTUAL_BASE));
        }
        mapRamAtVirtualBase();
        hart.setCsr(Csr.SATP, SV39 | (ROOT_TABLE >>> 12));
        hart.setPrivilege(Privilege.SUPERVISOR);
        hart.setPc(program.entry());
        hart.setEnvironmentCallHandler(registers -> {
            if (registers.x(17) != SBI_SYSTEM_RESET) {
                return false;
            }
            ending = new Ending((int) registers.x(11), "the program powered off");
            hart.requestStop();
            return true;
        });
    }

    /** Builds {@code source} (C) into a dir and loads it. */
    static TinyMachine build(Path dir, String source) throws IOException {
        Path c = dir.resolve("program.c");
        Files.writeString(c, source);
        Path elf = dir.resolve("program.elf");
        run(List.of("riscv64-linux-gnu-gcc", "-march=rv64imac", "-mabi=lp64", "-mcmodel=medany", "-g", "-O0",
                "-ffreestanding", "-nostdlib", "-static", "-fno-pie", "-no-pie", "-Wl,-N",
                "-Wl,--build-id=none", "-Wl,--no-warn-rwx-segments", "-Wl,-Ttext=0x" + Long.toHexString(VIRTUAL_BASE),
                "-Wl,-e,start", "-Wl,--no-relax", "-o", elf.toString(), c.toString()));
        return new TinyMachine(elf);
    }

    long symbol(String name) {
        return program.symbol(name).orElseThrow(() -> new IllegalArgumentException("no symbol " + name)).value();
    }

    /** A gigapage leaf: virtual 0x4000_0000 -> physical 0x8000_0000, RWX, accessed and dirty. */
    private void mapRamAtVirtualBase() {
        long leaf = ((RAM_BASE >>> 12) << 10) | 0xcf;
        int index = (int) (ROOT_TABLE - RAM_BASE) + 8 * (int) ((VIRTUAL_BASE >>> 30) & 0x1ff);
        for (int i = 0; i < 8; i++) {
            ram.bytes()[index + i] = (byte) (leaf >>> (8 * i));
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (install gcc-riscv64-linux-gnu):\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public DebugAccess debug() {
        return hart.debug();
    }

    @Override
    public Mmu mmu() {
        return hart.mmu();
    }

    @Override
    public StopReason run() {
        return hart.run(Long.MAX_VALUE / 2);
    }

    @Override
    public void requestStop() {
        hart.requestStop();
    }

    @Override
    public Optional<Ending> ending() {
        return Optional.ofNullable(ending);
    }

    @Override
    public void terminate() {
        ending = new Ending(9, "killed");
        hart.requestStop();
    }

    @Override
    public String faultReport() {
        return String.valueOf(hart.faultReport());
    }

    private static final class FixedClock implements TimeSource {
        @Override
        public long frequency() {
            return 10_000_000;
        }

        @Override
        public long now() {
            return 0;
        }
    }
}
