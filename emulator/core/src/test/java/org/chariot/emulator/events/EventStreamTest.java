package org.chariot.emulator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void eachEventIsOneParsableLineOnDiskAsSoonAsItIsWritten() throws Exception {
        Path file = dir.resolve("runs/one.jsonl");
        try (EventStream stream = EventStream.create(file)) {
            stream.write(EventStream.event("console", 1_500).put("line", "tab\there \"quoted\" back\\slash \u0001 é\nnext"));
            List<String> lines = Files.readAllLines(file);
            assertEquals(1, lines.size(), "flushed before close");
            JsonNode event = JSON.readTree(lines.get(0));
            assertEquals("console", event.get("type").asText());
            assertEquals(1_500, event.get("t").asLong());
            assertEquals("tab\there \"quoted\" back\\slash \u0001 é\nnext", event.get("line").asText());
        }
    }

    @Test
    void nestedObjectsListsAndCountsRoundTrip() throws Exception {
        JsonObject frame = new JsonObject().put("pc", 0x80001000L).put("function", "init").put("file", (String) null);
        String json = EventStream.event("violation", 7).putObjects("stack", List.of(frame, frame))
                .putStrings("modules", List.of("a", "b")).putCounts("kinds", Map.of("heap-overflow", 2L))
                .put("blocked", true).toJson();
        JsonNode event = JSON.readTree(json);
        assertEquals(0x80001000L, event.get("stack").get(1).get("pc").asLong());
        assertEquals(true, event.get("stack").get(0).get("file").isNull());
        assertEquals("b", event.get("modules").get(1).asText());
        assertEquals(2, event.get("kinds").get("heap-overflow").asLong());
        assertEquals(true, event.get("blocked").asBoolean());
    }
}
