package org.chariot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.chariot.emulator.devices.gpio.GpioInput;
import org.chariot.emulator.monitor.Policy;
import org.chariot.emulator.run.RunRequest;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The options and parameters that name inputs, checked by picocli as it parses them: files that
 * must exist (or, for outputs, whose directory must), and the words that must fit the guest's kernel command line. A mistake is a usage
 * error before anything is built or booted.
 */
final class Inputs {

    private Inputs() {
    }

    /** A file that exists: a kernel, an initramfs, a disk, an exercise, a program. */
    static final class ExistingFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            Path path = Path.of(text);
            if (!Files.isRegularFile(path)) {
                throw new TypeConversionException(text + " does not exist or is not a file; check the path");
            }
            return path;
        }
    }

    /** A driver: a directory with a Kbuild Makefile, or a .ko file. */
    static final class Driver implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            Path path = Path.of(text);
            if (!Files.exists(path)) {
                throw new TypeConversionException(text + " does not exist; give a driver directory (with its Kbuild "
                        + "Makefile) or a .ko file");
            }
            return path;
        }
    }

    /** A file to write: its directory must exist (the file is written then, or as the run goes). */
    static final class OutputFile implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            Path directory = Path.of(text).toAbsolutePath().getParent();
            if (directory == null || !Files.isDirectory(directory)) {
                throw new TypeConversionException("cannot write " + text + ": the directory " + directory
                        + " does not exist; give a file in an existing directory");
            }
            if (Files.isDirectory(Path.of(text))) {
                throw new TypeConversionException(text + " is a directory; give a file to write");
            }
            return Path.of(text);
        }
    }

    /** What drives a GPIO line from outside: {@code LINE=high}, {@code LINE=low} or {@code LINE=lineN}. */
    static final class GpioLine implements ITypeConverter<GpioInput> {
        @Override
        public GpioInput convert(String text) {
            try {
                return GpioInput.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A directory that may not exist yet (it is then created), but is not a file. */
    static final class Directory implements ITypeConverter<Path> {
        @Override
        public Path convert(String text) {
            Path path = Path.of(text);
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new TypeConversionException(text + " is a file, not a directory; give a directory");
            }
            return path;
        }
    }

    /** {@code name=value} or {@code module.name=value}, carried by the kernel command line. */
    static final class ModuleParameter implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            return checked(text, RunRequest.parameterProblem(text));
        }
    }

    /** An argument of the exercise program, carried by the kernel command line. */
    static final class ExerciseArgument implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            return checked(text, RunRequest.exerciseArgumentProblem(text));
        }
    }

    /** {@code block}, {@code report} or {@code halt}, in any case. */
    static final class PolicyName implements ITypeConverter<Policy> {
        @Override
        public Policy convert(String text) {
            try {
                return Policy.named(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    private static String checked(String text, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new TypeConversionException(problem.get());
        }
        return text;
    }
}
