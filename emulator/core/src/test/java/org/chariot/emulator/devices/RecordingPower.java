package org.chariot.emulator.devices;

import java.util.ArrayList;
import java.util.List;

/** Power requests as text ("off 0", "reboot"), in the order they came. */
public final class RecordingPower implements PowerControl {

    private final List<String> requests = new ArrayList<>();

    @Override
    public void powerOff(int code) {
        requests.add("off " + code);
    }

    @Override
    public void reboot() {
        requests.add("reboot");
    }

    public List<String> requests() {
        return List.copyOf(requests);
    }
}
