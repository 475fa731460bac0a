package org.chariot.emulator.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.devices.gpio.GpioInput;
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
 * @param deviceFiles files describing devices to add to the machine, for the drivers to bind to
 * @param gpioInputs what drives GPIO lines from outside the machine
 * @param pciDisk a host file for a virtio disk on the PCI bus, or null
 * @param networkCapture where to write a pcap file of every frame on the guest's network link, or null
 * @param kunit whether the KUnit suite modules the driver directories build load too (after the others), and which
 *     cases run; null: they are left out
 * @param checkReads whether isolation also checks the drivers' reads (of freed objects, past their objects' ends)
 */
public record RunRequest(List<Path> drivers, List<String> parameters, Path exercise, List<String> exerciseArguments,
        List<String> kernelArguments, int memoryMiB, Path disk, Duration timeout, Policy isolation,
        List<Path> deviceFiles, List<GpioInput> gpioInputs, Path pciDisk, Path networkCapture, Kunit kunit,
        boolean checkReads) {

    /** KUnit in a run: the suite modules load after the drivers; {@code filter} ({@code suite.case} glob) or null for all. */
    public record Kunit(String filter) {
    }

    /** A run on the machine as it comes (no described device, no GPIO input), without KUnit. */
    public RunRequest(List<Path> drivers, List<String> parameters, Path exercise, List<String> exerciseArguments,
            List<String> kernelArguments, int memoryMiB, Path disk, Duration timeout, Policy isolation) {
        this(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk, timeout, isolation,
                List.of(), List.of(), null, null, null, false);
    }

    /** A run without a disk, not isolated. */
    public RunRequest(List<Path> drivers, List<String> parameters, Path exercise, List<String> exerciseArguments,
            List<String> kernelArguments, int memoryMiB, Duration timeout) {
        this(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, null, timeout, null);
    }

    /** This run with its modules isolated under {@code policy}, or not isolated if null. */
    public RunRequest isolated(Policy policy) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, policy, deviceFiles, gpioInputs, pciDisk, networkCapture, kunit, checkReads);
    }

    /** This run with described devices added to the machine and its GPIO lines driven so. */
    public RunRequest withDevices(List<Path> files, List<GpioInput> inputs) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, isolation, files, inputs, pciDisk, networkCapture, kunit, checkReads);
    }

    /** This run with a virtio disk on the PCI bus backed by {@code file} (null: none). */
    public RunRequest withPciDisk(Path file) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, isolation, deviceFiles, gpioInputs, file, networkCapture, kunit, checkReads);
    }

    /** This run with every frame of the guest's network link written to the pcap file {@code file} (null: none). */
    public RunRequest withNetworkCapture(Path file) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, isolation, deviceFiles, gpioInputs, pciDisk, file, kunit, checkReads);
    }

    /** This run with its KUnit suites, or without them if null. */
    public RunRequest withKunit(Kunit selection) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, isolation, deviceFiles, gpioInputs, pciDisk, networkCapture, selection, checkReads);
    }

    /** This run with the isolated drivers' reads checked too, or not. */
    public RunRequest withReadsChecked(boolean checked) {
        return new RunRequest(drivers, parameters, exercise, exerciseArguments, kernelArguments, memoryMiB, disk,
                timeout, isolation, deviceFiles, gpioInputs, pciDisk, networkCapture, kunit, checked);
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
        deviceFiles = List.copyOf(deviceFiles);
        gpioInputs = List.copyOf(gpioInputs);
    }
}
