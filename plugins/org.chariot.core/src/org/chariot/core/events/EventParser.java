package org.chariot.core.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Turns one line of the event stream into a record; see schema/event-stream.schema.json for the shapes. */
public final class EventParser {

	/**
	 * @return the record, or empty for a record type this version does not know (the contract lets emulators add
	 *         types)
	 * @throws MalformedEventException if the line is not JSON or a known record lacks a field or has a wrong type
	 */
	public Optional<ChariotEvent> parse(String line) throws MalformedEventException {
		JsonFields fields = JsonFields.asObject(parseJson(line));
		String type = fields.string("type");
		long time = fields.integer("t");
		return Optional.ofNullable(switch (type) {
		case "run" -> runStarted(time, fields);
		case "module" -> moduleChanged(time, fields);
		case "grant" -> grantChanged(time, fields);
		case "console" -> new ConsoleOutput(time, fields.string("line"));
		case "violation" -> violation(time, fields);
		case "summary" -> summary(time, fields);
		case "test" -> testResult(time, fields);
		default -> null;
		});
	}

	private static JsonElement parseJson(String line) throws MalformedEventException {
		try {
			return JsonParser.parseString(line);
		} catch (JsonParseException e) {
			throw new MalformedEventException("not JSON: " + e.getMessage(), e);
		}
	}

	private static RunStarted runStarted(long time, JsonFields fields) throws MalformedEventException {
		return new RunStarted(time, fields.string("emulator"), fields.string("kernel"),
				fields.optionalString("machine").orElse(""), fields.optionalString("policy"),
				fields.optionalArray("isolate", JsonFields::asString));
	}

	private static ModuleChanged moduleChanged(long time, JsonFields fields) throws MalformedEventException {
		String event = fields.string("event");
		if (!event.equals("loaded") && !event.equals("unloaded")) {
			throw new MalformedEventException("field 'event' must be \"loaded\" or \"unloaded\", got " + event);
		}
		return new ModuleChanged(time, fields.string("name"), event.equals("loaded"),
				fields.optionalString("path").orElse(""), fields.optionalArray("sections", EventParser::section));
	}

	private static GrantChanged grantChanged(long time, JsonFields fields) throws MalformedEventException {
		String event = fields.string("event");
		if (!event.equals("granted") && !event.equals("revoked")) {
			throw new MalformedEventException("field 'event' must be \"granted\" or \"revoked\", got " + event);
		}
		return new GrantChanged(time, fields.string("module"), event.equals("granted"),
				fields.enumValue("kind", GrantChanged.Kind::fromWireName), fields.address("addr"), fields.integer("size"),
				fields.optionalString("origin").orElse(""), optionalSource(fields));
	}

	private static ModuleChanged.Section section(JsonElement element) throws MalformedEventException {
		JsonFields fields = JsonFields.asObject(element);
		return new ModuleChanged.Section(fields.string("name"), fields.address("addr"), fields.integer("size"));
	}

	private static Violation violation(long time, JsonFields fields) throws MalformedEventException {
		Optional<AllocationSite> allocation = Optional.empty();
		Optional<JsonFields> alloc = fields.optionalObject("alloc");
		if (alloc.isPresent()) {
			allocation = Optional.of(allocationSite(alloc.get()));
		}
		return new Violation(time, fields.integer("id"), fields.string("module"), fields.address("pc"),
				fields.string("insn"), fields.address("addr"), fields.smallInteger("size"),
				fields.string("value"), fields.string("old"), fields.enumValue("kind", ViolationKind::fromWireName),
				fields.string("target"), allocation, fields.array("stack", EventParser::stackFrame),
				faultingLine(fields), fields.enumValue("verdict", Verdict::fromWireName));
	}

	/** The record's source line; a module without debug info has none, and its first frame names the code. */
	private static SourceLocation faultingLine(JsonFields fields) throws MalformedEventException {
		Optional<JsonFields> source = fields.optionalObject("source");
		if (source.isPresent()) {
			return sourceLocation(source.get());
		}
		List<StackFrame> stack = fields.array("stack", EventParser::stackFrame);
		return SourceLocation.withoutLine(stack.isEmpty() ? fields.string("pc") : stack.getFirst().function());
	}

	private static AllocationSite allocationSite(JsonFields fields) throws MalformedEventException {
		return new AllocationSite(fields.address("addr"), fields.integer("size"), optionalSource(fields));
	}

	private static StackFrame stackFrame(JsonElement element) throws MalformedEventException {
		JsonFields fields = JsonFields.asObject(element);
		return new StackFrame(fields.address("pc"), fields.string("function"), optionalSource(fields));
	}

	/** Kernel frames and kernel allocations may have no file and line (absent or null). */
	private static Optional<SourceLocation> optionalSource(JsonFields fields) throws MalformedEventException {
		Optional<String> file = fields.optionalString("file");
		if (file.isEmpty() || fields.optionalString("function").isEmpty() || !fields.has("line")) {
			return Optional.empty();
		}
		return Optional.of(new SourceLocation(file.get(), fields.smallInteger("line"), fields.string("function")));
	}

	private static SourceLocation sourceLocation(JsonFields fields) throws MalformedEventException {
		return new SourceLocation(fields.string("file"), fields.smallInteger("line"),
				fields.string("function"));
	}

	private static TestResult testResult(long time, JsonFields fields) throws MalformedEventException {
		Optional<JsonFields> source = fields.optionalObject("source");
		return new TestResult(time, fields.string("suite"), fields.string("name"), fields.string("kind").equals("kunit"),
				fields.enumValue("outcome", TestResult.Outcome::named), fields.optionalString("message").orElse(""),
				fields.optionalArray("details", JsonFields::asString),
				fields.array("violations", element -> element.getAsLong()),
				source.isEmpty() ? Optional.empty() : Optional.of(sourceLocation(source.get())));
	}

	private static RunSummary summary(long time, JsonFields fields) throws MalformedEventException {
		Map<String, Integer> counts = new LinkedHashMap<>();
		JsonFields countFields = fields.object("violations");
		for (String kind : countFields.json().keySet()) {
			counts.put(kind, countFields.smallInteger(kind));
		}
		return new RunSummary(time, fields.string("status"), fields.smallInteger("exitCode"),
				fields.optionalString("message").orElse(""), Map.copyOf(counts));
	}
}
