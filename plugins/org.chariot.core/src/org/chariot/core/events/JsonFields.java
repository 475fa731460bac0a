package org.chariot.core.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** Typed access to the fields of one JSON object, failing with the name of the field that is missing or wrong. */
final class JsonFields {

	private final JsonObject object;

	JsonFields(JsonObject object) {
		this.object = object;
	}

	String string(String name) throws MalformedEventException {
		JsonPrimitive primitive = primitive(name);
		if (!primitive.isString()) {
			throw wrongType(name, "a string");
		}
		return primitive.getAsString();
	}

	Optional<String> optionalString(String name) throws MalformedEventException {
		return isAbsent(name) ? Optional.empty() : Optional.of(string(name));
	}

	long integer(String name) throws MalformedEventException {
		JsonPrimitive primitive = primitive(name);
		if (!primitive.isNumber()) {
			throw wrongType(name, "an integer");
		}
		try {
			return primitive.getAsBigDecimal().longValueExact();
		} catch (ArithmeticException e) {
			throw new MalformedEventException("field '" + name + "' must be an integer: " + primitive, e);
		}
	}

	int smallInteger(String name) throws MalformedEventException {
		long value = integer(name);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new MalformedEventException("field '" + name + "' is out of range: " + value);
		}
		return (int) value;
	}

	Address address(String name) throws MalformedEventException {
		String text = string(name);
		try {
			return Address.parse(text);
		} catch (IllegalArgumentException e) {
			throw new MalformedEventException("field '" + name + "': " + e.getMessage(), e);
		}
	}

	Optional<JsonFields> optionalObject(String name) throws MalformedEventException {
		if (isAbsent(name)) {
			return Optional.empty();
		}
		return Optional.of(object(name));
	}

	JsonFields object(String name) throws MalformedEventException {
		JsonElement element = required(name);
		if (!element.isJsonObject()) {
			throw wrongType(name, "an object");
		}
		return new JsonFields(element.getAsJsonObject());
	}

	/** The elements of an array field, each read by the given reader. */
	<T> List<T> array(String name, ElementReader<T> reader) throws MalformedEventException {
		JsonElement element = required(name);
		if (!element.isJsonArray()) {
			throw wrongType(name, "an array");
		}
		JsonArray array = element.getAsJsonArray();
		List<T> values = new ArrayList<>(array.size());
		for (JsonElement item : array) {
			values.add(reader.read(item));
		}
		return List.copyOf(values);
	}

	<T> List<T> optionalArray(String name, ElementReader<T> reader) throws MalformedEventException {
		return isAbsent(name) ? List.of() : array(name, reader);
	}

	<T> T enumValue(String name, Function<String, T> fromWireName) throws MalformedEventException {
		String text = string(name);
		try {
			return fromWireName.apply(text);
		} catch (IllegalArgumentException e) {
			throw new MalformedEventException("field '" + name + "': " + e.getMessage(), e);
		}
	}

	JsonObject json() {
		return object;
	}

	static String asString(JsonElement element) throws MalformedEventException {
		if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
			throw new MalformedEventException("expected a string, got " + element);
		}
		return element.getAsString();
	}

	static JsonFields asObject(JsonElement element) throws MalformedEventException {
		if (!element.isJsonObject()) {
			throw new MalformedEventException("expected an object, got " + element);
		}
		return new JsonFields(element.getAsJsonObject());
	}

	boolean has(String name) {
		return !isAbsent(name);
	}

	private boolean isAbsent(String name) {
		return !object.has(name) || object.get(name).isJsonNull();
	}

	private JsonElement required(String name) throws MalformedEventException {
		if (isAbsent(name)) {
			throw new MalformedEventException("missing field '" + name + "'");
		}
		return object.get(name);
	}

	private JsonPrimitive primitive(String name) throws MalformedEventException {
		JsonElement element = required(name);
		if (!element.isJsonPrimitive()) {
			throw wrongType(name, "a string or a number");
		}
		return element.getAsJsonPrimitive();
	}

	private MalformedEventException wrongType(String name, String expected) {
		return new MalformedEventException("field '" + name + "' must be " + expected + ", got " + object.get(name));
	}

	/** Reads one element of an array. */
	@FunctionalInterface
	interface ElementReader<T> {
		T read(JsonElement element) throws MalformedEventException;
	}
}
