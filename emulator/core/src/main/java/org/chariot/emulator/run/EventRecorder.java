package org.chariot.emulator.run;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.events.EventStream;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.monitor.EventStreamWriter;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;

/**
 * Writes a run to the event stream: its start, the guest console, modules as they load and unload
 * (an isolated one with its sections, as the monitor saw it), violations, and the summary with
 * their counts. Guest time comes from the kernel's printk timestamps. The monitor's own records are written by
 * its {@link EventStreamWriter}, which hears the monitor's events beside the recorder ({@link #of}).
 */
public final class EventRecorder implements RunListener {

    private static final Pattern MODULE_STEP = Pattern.compile("@chariot (load|unload) (\\S+) ok");

    private final EventStream stream;
    private final String kernel;
    private final Set<String> isolatedModules = new HashSet<>();
    private final Map<String, Long> violationsByKind = new LinkedHashMap<>();
    private long guestNanos;

    private EventRecorder(EventStream stream, String kernel) {
        this.stream = stream;
        this.kernel = kernel;
    }

    /** The listener that records a run of the guest kernel {@code kernel} on {@code stream}. */
    public static RunListener of(EventStream stream, String kernel) {
        EventRecorder recorder = new EventRecorder(stream, kernel);
        return RunListeners.of(recorder, new EventStreamWriter(stream, () -> recorder.guestNanos));
    }

    @Override
    public void stage(String message) {
    }

    @Override
    public void booting(String machine, BootSpec spec) {
        JsonObject run = EventStream.event("run", 0).put("emulator", "chariot 0.1.0").put("machine", machine)
                .put("kernel", kernel).put("commandLine", spec.commandLine());
        if (spec.isolation() != null) {
            run.put("policy", spec.isolation().policy().name().toLowerCase())
                    .putStrings("isolate", spec.isolation().modules().stream().map(m -> m.name()).toList())
                    .put("checkReads", spec.isolation().checkReads());
        }
        stream.write(run);
    }

    @Override
    public void console(String line) {
        GuestTime.of(line).ifPresent(nanos -> guestNanos = nanos);
        stream.write(EventStream.event("console", guestNanos).put("line", line));
        Matcher step = MODULE_STEP.matcher(line);
        // An isolated module's load and unload were recorded when the monitor saw them, with its sections.
        if (step.find() && !isolatedModules.contains(step.group(2))) {
            stream.write(EventStream.event("module", guestNanos).put("name", step.group(2))
                    .put("event", step.group(1).equals("load") ? "loaded" : "unloaded"));
        }
    }

    @Override
    public void moduleLoaded(String name, List<ModuleSection> sections) {
        isolatedModules.add(name);
    }

    @Override
    public void violation(Violation violation) {
        violationsByKind.merge(violation.kind().jsonName(), 1L, Long::sum);
    }

    @Override
    public void finished(RunResult result) {
        JsonObject summary = EventStream.event("summary", guestNanos).put("status", result.status().name().toLowerCase())
                .put("exitCode", result.status().code()).put("message", result.message())
                .putCounts("violations", violationsByKind);
        stream.write(summary);
    }
}
