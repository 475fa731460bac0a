package org.chariot.emulator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.monitor.Policy;

/**
 * One run of drivers in the guest.
 *
 * @param drivers driver directories (built with the kit) or prebuilt {@code .ko} files, loaded in order
 * @param parameters module parameters, {@code name=value} for the only driver or {@code module.name=value}
 * @param exercise a C file or guest binary to run once the drivers are loaded, or null
 * @param exerciseArguments arguments for the exercise program
 * @param kernelArguments extra kernel command-line arguments
 * @param disk a host file for the guest's virtio disk, or null
 * @param isolation what Chariot does with an illegal write of the run's modules, all of them isolated; null: no isolation
 */
public record RunRequest(List<Path> drivers, List<String> parameters, Path exercise, List<String> exerciseArguments,
        List<String> kernelArguments, int memoryMiB, Path disk, Duration timeout, Policy isolation) {

    /** A run without a disk, not isolated. */
    public RunRequest(List<Path> drivers, List<String> parameters, Path exercise, List<String> exerciseArguments,
            List<String> kernelArguments, int memoryMiB, Duration timeout) {
        this(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, null, timeout, null);
    }

    /** This run with its modules isolated under {@code policy}, or not isolated if null. */
    public RunRequest isolated(Policy policy) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, policy);
    }

    /** What is wrong with the form of a module parameter, before the modules are known: empty if nothing. */
    public static Optional<String> parameterProblem(String parameter) {
        return KernelCommandLine.formProblem(parameter);
    }

    /** What is wrong with an argument for the exercise program: empty if nothing. */
    public static Optional<String> exerciseArgumentProblem(String argument) {
        return KernelCommandLine.exerciseArgumentProblem(argument);
    }

    public RunRequest {
        drivers = List.copyOf(drivers);
        parameters = List.copyOf(parameters);
        exerciseArguments = List.copyOf(exerciseArguments);
        kernelArguments = List.copyOf(kernelArguments);
    }
}
