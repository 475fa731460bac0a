package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.chariot.emulator.machine.BareMetal;
import org.chariot.emulator.machine.BareMetalException;
import org.chariot.emulator.machine.InvalidElfException;
import org.chariot.emulator.machine.MachineExit;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code chariot elf}: run a bare-metal RISC-V program that reports through an HTIF {@code tohost} word. */
@Command(name = "elf", mixinStandardHelpOptions = true,
        description = {"Runs a bare-metal RV64 ELF program in M-mode from its entry point, as Spike does.",
            "The program ends by storing (code << 1) | 1 to its `tohost` symbol; the UART at 0x10000000 prints here."},
        footer = {"", "Exit status: the program's tohost code; 2 the file is not a runnable RISC-V ELF, "
            + "4 the instruction limit was reached, 6 emulator fault (the report goes to stderr)."})
final class ElfCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROGRAM", converter = Inputs.ExistingFile.class, description = "Statically linked ELF64 RISC-V executable with a tohost symbol.")
    Path program;

    @Option(names = "--limit", paramLabel = "INSTRUCTIONS", defaultValue = "1000000000", converter = Ranges.InstructionLimit.class,
            description = "Stop after this many instructions (default: ${DEFAULT-VALUE}).")
    long instructionLimit;

    @Override
    public Integer call() {
        try {
            return BareMetal.run(program, instructionLimit, System.out);
        } catch (IOException | InvalidElfException | IllegalArgumentException e) {
            error("chariot elf: " + e.getMessage());
            return ExitStatus.USAGE.code();
        } catch (BareMetalException e) {
            error("chariot elf: " + e.getMessage());
            return e.exit() instanceof MachineExit.LimitReached ? ExitStatus.TIMEOUT.code() : ExitStatus.MACHINE_FAILED.code();
        }
    }

    private void error(String message) {
        spec.commandLine().getErr().println(message);
    }
}
