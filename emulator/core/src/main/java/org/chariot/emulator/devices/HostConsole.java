package org.chariot.emulator.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The host side of the guest console, shared by the UART and the SBI legacy console. Input is read
 * by a daemon thread into a bounded queue, so the hart never blocks on the host; the reader simply
 * waits when the guest does not consume.
 */
public final class HostConsole {

    private static final int INPUT_CAPACITY = 4096;

    private final OutputStream output;
    private final BlockingQueue<Byte> input = new ArrayBlockingQueue<>(INPUT_CAPACITY);
    private volatile Runnable inputListener = () -> { };

    public HostConsole(InputStream hostInput, OutputStream hostOutput) {
        this.output = hostOutput;
        if (hostInput != null) {
            Thread reader = new Thread(() -> pump(hostInput), "chariot-console-input");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Called (on the reader thread) whenever a byte arrives. */
    public void onInput(Runnable listener) {
        this.inputListener = listener;
    }

    public void write(int b) {
        try {
            output.write(b);
            output.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("guest console output failed", e);
        }
    }

    /** The next input byte, or -1 if none has arrived. */
    public int poll() {
        Byte b = input.poll();
        return b == null ? -1 : b & 0xff;
    }

    public boolean hasInput() {
        return !input.isEmpty();
    }

    /** Queues bytes as if the host had typed them; also what the reader thread does. */
    public void offer(int b) throws InterruptedException {
        input.put((byte) b);
        inputListener.run();
    }

    private void pump(InputStream hostInput) {
        try {
            for (int b = hostInput.read(); b >= 0; b = hostInput.read()) {
                offer(b);
            }
        } catch (IOException e) {
            // The host closed its side (end of a piped input): the guest just sees no more input.
            inputListener.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
