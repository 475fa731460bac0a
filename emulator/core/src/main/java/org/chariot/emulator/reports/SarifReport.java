package org.chariot.emulator.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.events.JsonObject;
import org.chariot.emulator.monitor.Frame;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationKind;
import org.chariot.emulator.monitor.ViolationReport;

/**
 * A run's violations as SARIF 2.1.0, which code-scanning services read to show each on the change
 * that made it: a result per violation, its rule the violation's kind, its location the driver's
 * source line, its related locations the call trace and the allocation site of the object it hit.
 * Source paths under {@code sourceRoot} are written relative to it ({@code SRCROOT}), as those
 * services expect paths relative to the checkout.
 */
public final class SarifReport {

    private static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String ROOT = "SRCROOT";

    private final Path sourceRoot;

    public SarifReport(Path sourceRoot) {
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
    }

    public void write(Path file, List<Violation> violations) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(violations).toJson() + "\n", StandardCharsets.UTF_8);
    }

    JsonObject toJson(List<Violation> violations) {
        List<ViolationKind> kinds = violations.stream().map(Violation::kind).distinct().sorted().toList();
        JsonObject driver = new JsonObject().put("name", "Chariot")
                .putObjects("rules", kinds.stream().map(SarifReport::rule).toList());
        JsonObject run = new JsonObject().put("tool", new JsonObject().put("driver", driver))
                .put("originalUriBaseIds", new JsonObject().put(ROOT,
                        new JsonObject().put("uri", sourceRoot.toUri().toString())))
                .putObjects("results", violations.stream().map(v -> result(v, kinds.indexOf(v.kind()))).toList());
        return new JsonObject().put("$schema", SCHEMA).put("version", "2.1.0").putObjects("runs", List.of(run));
    }

    private static JsonObject rule(ViolationKind kind) {
        return new JsonObject().put("id", kind.jsonName())
                .put("shortDescription", text(kind.jsonName() + ": " + kind.description()))
                .put("fullDescription", text("An isolated driver " + kind.description() + ". Chariot checked the "
                        + "write (or free) against what the driver owns and stopped or recorded it as the policy says."))
                .put("defaultConfiguration", new JsonObject().put("level", "error"))
                .put("properties", new JsonObject().putStrings("tags", List.of("memory-safety", "kernel-driver")));
    }

    private JsonObject result(Violation violation, int ruleIndex) {
        Frame where = violation.source() != null && violation.source().hasSource() ? violation.source()
                : violation.stack().getFirst();
        List<JsonObject> related = new ArrayList<>();
        for (Frame frame : violation.stack()) {
            related.add(location(frame).put("id", related.size())
                    .put("message", text("call trace #" + related.size() + ": " + frame)));
        }
        if (violation.alloc() != null && violation.alloc().site() != null) {
            related.add(location(violation.alloc().site()).put("id", related.size())
                    .put("message", text("allocation site of " + violation.alloc().describe())));
        }
        List<JsonObject> frames = violation.stack().stream()
                .map(frame -> new JsonObject().put("location", location(frame))).toList();
        return new JsonObject().put("ruleId", violation.kind().jsonName()).put("ruleIndex", ruleIndex)
                .put("level", "error").put("message", text(ViolationReport.oneLine(violation)))
                .putObjects("locations", List.of(location(where)))
                .putObjects("relatedLocations", related)
                .putObjects("stacks", List.of(new JsonObject().put("message", text("call trace"))
                        .putObjects("frames", frames)))
                .put("partialFingerprints", new JsonObject().put("chariotSite/v1",
                        violation.kind().jsonName() + ":" + violation.module() + ":" + where.function()
                                + (where.hasSource() ? ":" + relative(where.file()) + ":" + where.line() : "")))
                .put("properties", new JsonObject().put("violationId", violation.id())
                        .put("module", violation.module()).put("verdict", violation.verdict())
                        .put("target", violation.target()).put("instruction", violation.insn()));
    }

    /** A frame's place: its source line when it has one, and its function (with offset, for kernel code). */
    private JsonObject location(Frame frame) {
        JsonObject location = new JsonObject();
        if (frame.hasSource()) {
            JsonObject artifact = new JsonObject();
            Path file = Path.of(frame.file()).toAbsolutePath().normalize();
            if (file.startsWith(sourceRoot)) {
                artifact.put("uri", relative(frame.file())).put("uriBaseId", ROOT);
            } else {
                artifact.put("uri", file.toUri().toString());
            }
            location.put("physicalLocation", new JsonObject().put("artifactLocation", artifact)
                    .put("region", new JsonObject().put("startLine", frame.line())));
        }
        return location.putObjects("logicalLocations",
                List.of(new JsonObject().put("name", frame.function() != null ? frame.function()
                        : String.format("0x%x", frame.pc())).put("kind", "function")));
    }

    private String relative(String file) {
        Path absolute = Path.of(file).toAbsolutePath().normalize();
        return absolute.startsWith(sourceRoot) ? sourceRoot.toUri().relativize(absolute.toUri()).toString() : file;
    }

    private static JsonObject text(String text) {
        return new JsonObject().put("text", text);
    }
}
