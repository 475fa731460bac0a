package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chariot.core.events.EventFiles;
import org.chariot.core.events.ViolationKind;
import org.chariot.core.events.ViolationModel;
import org.chariot.tests.support.TestResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViolationModelTest {

	@TempDir
	Path directory;

	@Test
	void keepsTheViolationsInStreamOrderWithTheirRun() throws IOException {
		ViolationModel model = load();

		assertEquals(3, model.size());
		assertEquals(List.of(1L, 2L, 3L), model.violations().stream().map(violation -> violation.id()).toList());
		assertEquals(List.of(2L, 3L), model.range(1, 3).stream().map(violation -> violation.id()).toList());
		assertEquals("chariot 0.1.0", model.run().orElseThrow().emulator());
		assertEquals(0, model.summary().orElseThrow().exitCode());
		assertEquals(Map.of(ViolationKind.KERNEL_DATA, 1, ViolationKind.HEAP_OVERFLOW, 1, ViolationKind.USE_AFTER_FREE, 1),
				model.countsByKind());
	}

	@Test
	void knowsWhereTheLoadedModulesWereBuilt() throws IOException {
		assertEquals(List.of(directory.resolve("driver")), load().moduleDirectories());
	}

	@Test
	void tellsListenersHowManyViolationsEachBatchAdded() throws IOException {
		ViolationModel source = load();
		ViolationModel model = new ViolationModel("batches");
		List<Integer> batches = new ArrayList<>();
		model.addListener((changed, added) -> batches.add(added));

		model.append(List.of(source.get(0), source.get(1)));
		model.append(List.of(source.run().orElseThrow()));
		model.append(List.of(source.get(2)));

		assertEquals(List.of(2, 1), batches, "a batch without violations tells no one");
		assertEquals(3, model.size());
	}

	private ViolationModel load() throws IOException {
		return EventFiles.load(TestResources.writeSampleRun(directory.resolve("run.jsonl"), directory.resolve("driver")));
	}
}
