package org.chariot.cli;

import java.io.PrintWriter;
import org.chariot.emulator.run.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

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

    /**
     * The command tree; an unexpected exception is reported with Chariot's exit code for usage errors.
     * A usage error is one line saying what was wrong and what is accepted, and where the options are
     * explained, rather than the whole usage text.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ChariotCommand());
        commandLine.setExitCodeExceptionMapper(e -> ExitStatus.USAGE.code());
        commandLine.setParameterExceptionHandler(ChariotCommand::usageError);
        return commandLine;
    }

    private static int usageError(ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(command.getCommandSpec().qualifiedName() + ": "
                + error.getMessage()));
        UnmatchedArgumentException.printSuggestions(error, err);
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
        return ExitStatus.USAGE.code();
    }
}
