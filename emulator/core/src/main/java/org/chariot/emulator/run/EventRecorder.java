package org.chariot.emulator.run;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;

/**
 * Writes a run to the event stream: its start, the guest console, modules as the init loads and
 * unloads them, and the summary. Guest time comes from the kernel's printk timestamps.
 */
public final class EventRecorder implements RunListener {

    private static final Pattern PRINTK_TIME = Pattern.compile("^\\[\\s*(\\d+)\\.(\\d{6})\\]");
    private static final Pattern MODULE_STEP = Pattern.compile("@chariot (load|unload) (\\S+) ok");

    private final EventStream stream;
    private final String kernel;
    private long guestNanos;

    public EventRecorder(EventStream stream, String kernel) {
        this.stream = stream;
        this.kernel = kernel;
    }

    @Override
    public void stage(String message) {
    }

    @Override
    public void booting(String machine, BootSpec spec) {
        stream.write(EventStream.event("run", 0).put("emulator", "chariot 0.1.0").put("machine", machine)
                .put("kernel", kernel).put("commandLine", spec.commandLine()));
    }

    @Override
    public void console(String line) {
        Matcher time = PRINTK_TIME.matcher(line);
        if (time.find()) {
            guestNanos = Long.parseLong(time.group(1)) * 1_000_000_000L + Long.parseLong(time.group(2)) * 1_000L;
        }
        stream.write(EventStream.event("console", guestNanos).put("line", line));
        Matcher step = MODULE_STEP.matcher(line);
        if (step.find()) {
            stream.write(EventStream.event("module", guestNanos).put("name", step.group(2))
                    .put("event", step.group(1).equals("load") ? "loaded" : "unloaded"));
        }
    }

    @Override
    public void finished(RunResult result) {
        JsonObject summary = EventStream.event("summary", guestNanos).put("status", result.status().name().toLowerCase())
                .put("exitCode", result.status().code()).put("message", result.message())
                .putCounts("violations", Map.of());
        stream.write(summary);
    }
}
