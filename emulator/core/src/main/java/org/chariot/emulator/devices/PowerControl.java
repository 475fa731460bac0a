package org.chariot.emulator.devices;

/** Where a guest's request to power off or reboot goes: the machine, which ends the run. */
public interface PowerControl {

    /** Power off; {@code code} 0 means success, anything else a failure the guest reported. */
    void powerOff(int code);

    void reboot();
}
