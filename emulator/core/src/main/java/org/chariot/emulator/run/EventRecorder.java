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
import org.chariot.emulator.monitor.Grant;
import org.chariot.emulator.monitor.ModuleSection;
import org.chariot.emulator.monitor.Violation;

/**
 * Writes a run to the event stream: its start, the guest console, modules as they load and unload
 * (an isolated one with its sections, as the monitor saw it), violations, and the summary with
 * their counts. Guest time comes from the kernel's printk timestamps.
 */
public final class EventRecorder implements RunListener {

    private static final Pattern MODULE_STEP = Pattern.compile("@chariot (load|unload) (\\S+) ok");

    private final EventStream stream;
    private final String kernel;
    private final EventStreamWriter monitorRecords;
    private final Set<String> isolatedModules = new HashSet<>();
    private final Map<String, Long> violationsByKind = new LinkedHashMap<>();
    private long guestNanos;

    public EventRecorder(EventStream stream, String kernel) {
        this.stream = stream;
        this.kernel = kernel;
        this.monitorRecords = new EventStreamWriter(stream, () -> guestNanos);
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
                    .putStrings("isolate", spec.isolation().modules().stream().map(m -> m.name()).toList());
        }
        stream.write(run);
    }

    @Override
    public void console(String line) {
        guestNanos = PrintkTime.of(line).orElse(guestNanos);
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
        monitorRecords.moduleLoaded(name, sections);
    }

    @Override
    public void moduleUnloaded(String name) {
        monitorRecords.moduleUnloaded(name);
    }

    @Override
    public void granted(String module, Grant grant) {
        monitorRecords.granted(module, grant);
    }

    @Override
    public void revoked(String module, Grant grant) {
        monitorRecords.revoked(module, grant);
    }

    @Override
    public void violation(Violation violation) {
        violationsByKind.merge(violation.kind().jsonName(), 1L, Long::sum);
        monitorRecords.violation(violation);
    }

    @Override
    public void finished(RunResult result) {
        JsonObject summary = EventStream.event("summary", guestNanos).put("status", result.status().name().toLowerCase())
                .put("exitCode", result.status().code()).put("message", result.message())
                .putCounts("violations", violationsByKind);
        stream.write(summary);
    }
}
