package org.chariot.emulator.machine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.chariot.emulator.bus.Ram;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.symbols.ElfFile;
import org.chariot.emulator.symbols.ElfSegment;
import org.chariot.emulator.symbols.MalformedElfException;

/**
 * Runs a bare-metal ELF64 RISC-V program on the platform, Spike-style: the hart starts in M-mode
 * at {@code e_entry} with no firmware and no SBI, and the program ends by storing
 * {@code (code << 1) | 1} to its {@code tohost} symbol. The devices of the Linux machine are there
 * too (CLINT, PLIC, UART, test finisher).
 */
public final class BareMetal {

    private static final int MIN_MEMORY = 64 << 20;
    /** How often the hart pauses so {@code tohost} can be checked. */
    private static final long SLICE = 10_000;

    private BareMetal() {
    }

    /** Runs with the guest's console discarded; see {@link #run(Path, long, OutputStream)}. */
    public static int run(Path elf, long instructionLimit)
            throws IOException, InvalidElfException, BareMetalException {
        return run(elf, instructionLimit, OutputStream.nullOutputStream());
    }

    /**
     * @return the code the program stored to {@code tohost}
     * @throws InvalidElfException the file is not a loadable RISC-V executable with a {@code tohost} symbol
     * @throws BareMetalException the program did not report a code (instruction limit, emulator fault)
     */
    public static int run(Path elf, long instructionLimit, OutputStream console)
            throws IOException, InvalidElfException, BareMetalException {
        if (instructionLimit <= 0) {
            throw new IllegalArgumentException("instruction limit must be positive, not " + instructionLimit);
        }
        ElfFile program = executable(elf);
        long tohost = program.symbol("tohost").orElseThrow(() -> new InvalidElfException(
                elf + " has no tohost symbol; define a 64-bit tohost word (.globl tohost) and store (code << 1) | 1 to it"))
                .value();
        try (Platform platform = new Platform(memoryFor(program, elf), null, console)) {
            load(program, platform.ram());
            if (!inRam(platform.ram(), tohost, 8)) {
                throw new InvalidElfException(String.format("%s: tohost at 0x%x is outside RAM", elf, tohost));
            }
            Hart hart = platform.hart();
            hart.setPc(program.entry());
            MachineExit exit = new RunLoop(platform, instructionLimit, Optional.empty())
                    .run(SLICE, () -> checkHost(platform.ram(), tohost));
            if (exit instanceof MachineExit.PowerOff(int code)) {
                return code; // from tohost, or from the test finisher device
            }
            throw new BareMetalException(elf + " did not report a result through tohost: " + describe(exit), exit);
        }
    }

    private static MachineExit checkHost(Ram ram, long tohost) {
        long value = ram.load(tohost - Platform.RAM_BASE, 8);
        if (value == 0) {
            return null;
        }
        if ((value & 1) == 0) {
            return new MachineExit.Fault(String.format("the program made an HTIF request (tohost = 0x%x);"
                    + " only exit codes ((code << 1) | 1) are supported", value));
        }
        return new MachineExit.PowerOff((int) (value >>> 1));
    }

    private static String describe(MachineExit exit) {
        return switch (exit) {
            case MachineExit.Fault fault -> fault.report();
            case MachineExit.LimitReached limit -> "it ran into the limit of " + limit.limit();
            default -> exit.toString();
        };
    }

    /** The file as a program this machine can load: a RISC-V executable with loadable segments. */
    private static ElfFile executable(Path elf) throws IOException, InvalidElfException {
        ElfFile program;
        try {
            program = ElfFile.read(elf);
        } catch (MalformedElfException e) {
            throw new InvalidElfException(e.getMessage());
        }
        if (program.isRelocatable()) {
            throw new InvalidElfException(elf + ": it is not an executable but a relocatable object; link it with -static "
                    + "at a fixed address, e.g. -Ttext=0x80000000");
        }
        if (program.segments().isEmpty()) {
            throw new InvalidElfException(elf + ": it has no loadable (PT_LOAD) segment");
        }
        return program;
    }

    private static int memoryFor(ElfFile program, Path elf) throws InvalidElfException {
        long end = Platform.RAM_BASE;
        for (ElfSegment segment : program.segments()) {
            if (segment.physicalAddress() < Platform.RAM_BASE) {
                throw new InvalidElfException(String.format("%s: a segment is linked at 0x%x, below RAM at 0x%x;"
                        + " link the program at 0x80000000", elf, segment.physicalAddress(), Platform.RAM_BASE));
            }
            end = Math.max(end, segment.physicalAddress() + segment.memorySize());
        }
        long needed = end - Platform.RAM_BASE;
        if (needed > MachineConfig.MAX_MEMORY_MIB << 20) {
            throw new InvalidElfException(elf + ": its segments span " + (needed >> 20) + " MiB, more than the machine's RAM");
        }
        return (int) Math.max(MIN_MEMORY, (needed + 0xfffff) & ~0xfffffL);
    }

    private static void load(ElfFile program, Ram ram) {
        for (ElfSegment segment : program.segments()) {
            program.copy(segment, ram.bytes(), (int) (segment.physicalAddress() - Platform.RAM_BASE));
        }
    }

    private static boolean inRam(Ram ram, long address, int length) {
        return address >= Platform.RAM_BASE && address - Platform.RAM_BASE + length <= ram.size();
    }
}
