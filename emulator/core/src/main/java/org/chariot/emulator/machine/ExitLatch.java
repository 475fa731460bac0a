package org.chariot.emulator.machine;

import java.util.concurrent.atomic.AtomicReference;
import org.chariot.emulator.devices.PowerControl;

/** Records the first reason the run must end and stops the hart; later reasons are ignored. */
final class ExitLatch implements PowerControl {

    private final AtomicReference<MachineExit> exit = new AtomicReference<>();
    private final Runnable stopHart;

    ExitLatch(Runnable stopHart) {
        this.stopHart = stopHart;
    }

    void finish(MachineExit reason) {
        if (exit.compareAndSet(null, reason)) {
            stopHart.run();
        }
    }

    /** The reason, or null while the machine may go on. */
    MachineExit exit() {
        return exit.get();
    }

    @Override
    public void powerOff(int code) {
        finish(new MachineExit.PowerOff(code));
    }

    @Override
    public void reboot() {
        finish(new MachineExit.Reboot());
    }
}
