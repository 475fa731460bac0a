package org.chariot.emulator.run;

/** Follows a run as it goes: its stages and the guest console. */
public interface RunListener {

    /** A new stage begins ("building the driver", "booting the guest on qemu"). */
    void stage(String message);

    /** One line the guest printed on its console. */
    void console(String line);
}
