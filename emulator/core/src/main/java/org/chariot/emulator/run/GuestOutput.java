package org.chariot.emulator.run;

import org.chariot.emulator.monitor.MonitorEvents;

/** What a booted guest tells the run: its console lines and, when isolated, what the monitor sees. */
public interface GuestOutput extends MonitorEvents {

    /** One line the guest printed on its console. */
    void console(String line);
}
