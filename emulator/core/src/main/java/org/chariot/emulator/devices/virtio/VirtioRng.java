package org.chariot.emulator.devices.virtio;

import java.io.DataInput;
import java.io.DataOutput;
import org.chariot.emulator.snapshot.Snapshottable;

import java.security.SecureRandom;
import java.util.List;

/** virtio entropy device: fills every buffer the driver offers with bytes from the host's SecureRandom. */
public final class VirtioRng implements VirtioBackend, Snapshottable {

    private final SecureRandom random = new SecureRandom();

    /** Entropy has no state to keep: each request is answered afresh. */
    @Override
    public void saveState(DataOutput out) {
    }

    @Override
    public void restoreState(DataInput in) {
    }

    @Override
    public int deviceId() {
        return 4;
    }

    @Override
    public long features() {
        return 0;
    }

    @Override
    public int queueCount() {
        return 1;
    }

    @Override
    public long config(int offset, int size) {
        return 0;
    }

    @Override
    public void notified(int index, List<SplitVirtqueue> queues) {
        queues.get(index).serve(chain -> {
            byte[] entropy = new byte[chain.writableLength()];
            random.nextBytes(entropy);
            return chain.write(entropy);
        });
    }
}
