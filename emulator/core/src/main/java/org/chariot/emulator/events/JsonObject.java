package org.chariot.emulator.events;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/** Writes one JSON object, fields in the order they are added; enough JSON for the event stream. */
public final class JsonObject {

    private final StringBuilder json = new StringBuilder("{");

    public JsonObject put(String name, String value) {
        key(name);
        if (value == null) {
            json.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    public JsonObject put(String name, long value) {
        key(name);
        json.append(value);
        return this;
    }

    /** A number with up to six significant decimals (benchmark figures). */
    public JsonObject put(String name, double value) {
        key(name);
        json.append(Double.isFinite(value)
                ? BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString() : "null");
        return this;
    }

    public JsonObject put(String name, boolean value) {
        key(name);
        json.append(value);
        return this;
    }

    public JsonObject put(String name, JsonObject value) {
        key(name);
        json.append(value.toJson());
        return this;
    }

    public JsonObject putStrings(String name, List<String> values) {
        key(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            quote(values.get(i));
        }
        json.append(']');
        return this;
    }

    public JsonObject putLongs(String name, long[] values) {
        key(name);
        json.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(values[i]);
        }
        json.append(']');
        return this;
    }

    public JsonObject putObjects(String name, List<JsonObject> values) {
        key(name);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(values.get(i).toJson());
        }
        json.append(']');
        return this;
    }

    public JsonObject putCounts(String name, Map<String, Long> counts) {
        JsonObject object = new JsonObject();
        counts.forEach(object::put);
        return put(name, object);
    }

    private void key(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(name);
        json.append(':');
    }

    private void quote(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    public String toJson() {
        return json + "}";
    }

    @Override
    public String toString() {
        return toJson();
    }
}
