package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chariot.core.events.Address;
import org.chariot.core.events.ChariotEvent;
import org.chariot.core.events.EventFiles;
import org.chariot.core.events.EventParser;
import org.chariot.core.events.MalformedEventException;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.memory.MemoryMap;
import org.chariot.core.memory.MemoryRegion;
import org.chariot.core.memory.RegionKind;
import org.chariot.core.memory.ViolationHits;
import org.chariot.tests.support.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/** A run's memory map from its records: sections, the objects violations name, grants when the stream has them. */
class MemoryMapTest {

	private static final long OBJECT = 0xffffffff8123c400L;

	@TempDir
	Path directory;

	@Test
	void showsTheSectionsAndTheObjectsTheViolationsNamed() throws IOException {
		MemoryMap map = load(false);

		assertEquals(List.of(".text", ".init.text", ".data", ".bss", ""),
				map.regions().stream().map(MemoryRegion::label).toList(), "in address order");
		assertTrue(map.regions().stream().limit(4).allMatch(region -> region.kind() == RegionKind.SECTION
				&& !region.live()), "the module was unloaded at the end of the run");
		MemoryRegion object = map.regions().get(4);
		assertEquals(new Address(OBJECT), object.start());
		assertEquals(16, object.size());
		assertEquals(RegionKind.NEAREST_OBJECT, object.kind());
		assertEquals("hello_open", object.site().orElseThrow().function());
		assertEquals(List.of(0xffffffff8123c400L, 0xffffffff8123c410L, 0xffffffff81a0b000L),
				map.hits().stream().map(hits -> hits.address().value()).toList(), "one mark per address, in order");
	}

	@Test
	void grantRecordsShowAllocationsAndFrees() throws IOException {
		MemoryMap map = load(true);

		MemoryRegion allocation = region(map, OBJECT);
		assertEquals(RegionKind.ALLOCATION, allocation.kind(), "the grant record replaced the object a violation named");
		assertEquals("kmalloc_trace(16)", allocation.label());
		assertFalse(allocation.live(), "freed before the run ended");
		assertTrue(allocation.describe().contains("(freed)"), allocation.describe());
		assertEquals(RegionKind.STACK, region(map, 0xffffffff81c03f00L).kind());
		assertTrue(region(map, 0xffffffff81c03f00L).live());
	}

	@Test
	void countsRepeatedWritesToOneAddressOnce() throws IOException {
		Path run = TestResources.writeSampleRun(directory.resolve("run.jsonl"), directory);
		List<String> lines = Files.readAllLines(run);
		Files.write(run, List.of(lines.get(0), lines.get(1), lines.get(4), lines.get(4), lines.get(4)));

		List<ViolationHits> hits = EventFiles.load(run).memoryMap().hits();
		assertEquals(1, hits.size());
		assertEquals(3, hits.get(0).count());
		assertTrue(hits.get(0).describe().startsWith("3 violations, the first 2: heap-overflow"), hits.get(0).describe());
	}

	@Test
	void aModuleLoadedAgainReplacesTheMemoryItReusesAndKeepsTheRestAsUnloaded() throws Exception {
		ViolationModel model = new ViolationModel("reload");
		model.append(List.of(record(module("loaded", "0x1000", "0x2000")), record(module("unloaded", null, null)),
				record(module("loaded", "0x1000", "0x3000"))));

		List<MemoryRegion> regions = model.memoryMap().regions();
		assertEquals(List.of(0x1000L, 0x2000L, 0x3000L), regions.stream().map(region -> region.start().value()).toList());
		assertTrue(regions.get(0).live(), "the second load's .text, where the first one's was");
		assertFalse(regions.get(1).live(), "the first load's .data, unloaded");
		assertTrue(regions.get(2).live());
	}

	private static String module(String event, String text, String data) {
		String sections = text == null ? "" : ",\"sections\":[{\"name\":\".text\",\"addr\":\"" + text
				+ "\",\"size\":256},{\"name\":\".data\",\"addr\":\"" + data + "\",\"size\":64}]";
		return "{\"type\":\"module\",\"t\":1,\"name\":\"m\",\"event\":\"" + event + "\"" + sections + "}";
	}

	private static ChariotEvent record(String json) throws MalformedEventException {
		return new EventParser().parse(json).orElseThrow();
	}

	@Test
	void everyGrantRecordSatisfiesTheSchema() throws Exception {
		var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(TestResources.schema());
		for (String line : TestResources.read(TestResources.GRANTS).lines().toList()) {
			assertEquals(Set.of(), schema.validate(line, InputFormat.JSON), line);
		}
		assertFalse(schema.validate("{\"type\":\"grant\",\"t\":1,\"module\":\"m\",\"event\":\"granted\",\"kind\":\"heap\","
				+ "\"addr\":\"0x10\",\"size\":4}", InputFormat.JSON).isEmpty(), "a kind outside the contract");
	}

	private MemoryMap load(boolean withGrants) throws IOException {
		Path run = TestResources.writeSampleRun(directory.resolve("run.jsonl"), directory);
		if (withGrants) {
			Files.writeString(run, Files.readString(run) + TestResources.read(TestResources.GRANTS));
		}
		return EventFiles.load(run).memoryMap();
	}

	private static MemoryRegion region(MemoryMap map, long start) {
		return map.regions().stream().filter(region -> region.start().value() == start).findFirst().orElseThrow();
	}
}
