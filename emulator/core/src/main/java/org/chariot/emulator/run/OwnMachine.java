package org.chariot.emulator.run;

import java.io.IOException;
import java.util.function.Consumer;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.machine.MachineExit;

/** The project's own RISC-V machine, in this process. */
public final class OwnMachine implements GuestMachine {

    private volatile long instructionsOfLastBoot;

    @Override
    public String name() {
        return "ours";
    }

    /** Guest instructions the hart retired in the last boot, for benchmarks. */
    public long instructionsOfLastBoot() {
        return instructionsOfLastBoot;
    }

    @Override
    public GuestExit boot(BootSpec spec, Consumer<String> console) {
        ConsoleLines output = new ConsoleLines(console);
        MachineConfig config = MachineConfig.builder(spec.kernel()).initrd(spec.initrd()).bootargs(spec.commandLine())
                .memoryMib(spec.memoryMiB()).disk(spec.disk()).console(null, output).timeLimit(spec.timeout()).build();
        MachineExit exit;
        try (Machine machine = Machine.create(config)) {
            exit = machine.run();
            instructionsOfLastBoot = machine.hart().instructionsRetired();
        } catch (IOException e) {
            return GuestExit.failed("the machine could not start: " + e.getMessage());
        } finally {
            output.close();
        }
        return switch (exit) {
            case MachineExit.PowerOff off -> GuestExit.stopped("powered off with code " + off.code());
            case MachineExit.Reboot reboot -> GuestExit.stopped("the guest rebooted");
            case MachineExit.LimitReached limit -> GuestExit.timedOut("the machine was stopped at its " + limit.limit());
            case MachineExit.Stopped stopped -> GuestExit.failed("the machine was stopped");
            case MachineExit.Fault fault -> GuestExit.failed("the emulator failed:\n" + fault.report());
        };
    }
}
