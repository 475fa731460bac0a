package org.chariot.cli;

import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code chariot}: run Linux drivers in an isolated, emulated RISC-V guest. */
@Command(name = "chariot", mixinStandardHelpOptions = true, version = "chariot 0.1.0",
        description = "Runs Linux kernel drivers in an emulated RISC-V guest.",
        subcommands = {SetupCommand.class, KitCommand.class, BootCommand.class, RunCommand.class,
            DemoCommand.class, TestCommand.class, IdeCommand.class, MachineCommand.class, ElfCommand.class,
            BenchCommand.class, InjectCommand.class, CommandLine.HelpCommand.class})
public final class ChariotCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; an unexpected exception is reported with Chariot's exit code for usage errors. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ChariotCommand());
        commandLine.setExitCodeExceptionMapper(e -> ExitStatus.USAGE.code());
        return commandLine;
    }
}
