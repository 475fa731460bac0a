package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.chariot.core.events.Address;
import org.chariot.core.events.ChariotEvent;
import org.chariot.core.events.ChariotRuns;
import org.chariot.core.events.EventParser;
import org.chariot.core.events.EventStreamFollower;
import org.chariot.core.events.EventStreamReader;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.markers.RunMarkerJob;
import org.chariot.core.markers.ViolationMarkers;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.tests.support.BuggyExample;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.DriverProject;
import org.chariot.tests.support.ImportedExample;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.MemoryMapView;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures, not verdicts: how fast what a run records reaches the user. Printed as "figure: ..." lines in the test
 * output; nothing here fails on a time (the machine is shared). The UI loop is looked at every 20 ms at most, so
 * latencies are measured to within 20 ms.
 */
class SpeedFiguresTest {

	private static final Duration TIMEOUT = Duration.ofMinutes(2);
	private static final int RECORDS = 10;
	private static final int MANY = 100_000;

	@TempDir
	Path directory;

	/** The emulator writes and flushes a violation's record at the store itself; from there to the row and marker. */
	@Test
	void fromAViolationRecordToItsRowAndMarker() throws Exception {
		try (DriverProject driver = DriverProject.create("speed_drv")) {
			Path file = directory.resolve("live.jsonl");
			String violation = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow()
					.replace(TestResources.DRIVER_DIR_PLACEHOLDER, driver.directory().toString());
			ViolationModel model = new ViolationModel("speed");
			model.addListener(new RunMarkerJob("speed", ResourcesPlugin.getWorkspace(), driver.directory()));
			EventStreamFollower follower = new EventStreamFollower(new EventStreamReader(file, (n, line, e) -> {
				throw new AssertionError(e);
			}), model);
			ViolationsView view = (ViolationsView) Workbench.page().showView(ViolationsView.ID);
			ChariotRuns.getDefault().started(model);
			UiWait.until("the view to follow the new run", TIMEOUT, () -> view.model().orElse(null) == model);
			follower.start();
			List<Long> toRow = new ArrayList<>();
			List<Long> toMarker = new ArrayList<>();
			for (int id = 1; id <= RECORDS; id++) {
				int rows = id;
				long stored = System.nanoTime();
				Files.writeString(file, violation.replace("\"id\":2,", "\"id\":" + id + ",") + "\n",
						StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
				UiWait.until("row " + id, TIMEOUT, () -> view.viewer().getTable().getItemCount() == rows);
				toRow.add(System.nanoTime() - stored);
				UiWait.until("marker " + id, TIMEOUT, () -> Launches.violationMarkers(driver.source()).size() == rows);
				toMarker.add(System.nanoTime() - stored);
			}
			follower.finish(Duration.ofSeconds(10));
			new ViolationMarkers(ResourcesPlugin.getWorkspace()).clear("speed");
			print("violation record -> Violations view row", toRow);
			print("violation record -> marker on the C line", toMarker);
		}
	}

	@Test
	void aHundredThousandViolationsInTheViewAndTheMap() throws Exception {
		Violation sample = assertInstanceOf(Violation.class, new EventParser()
				.parse(TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow())
				.orElseThrow());
		ViolationsView view = (ViolationsView) Workbench.page().showView(ViolationsView.ID);
		MemoryMapView map = (MemoryMapView) Workbench.page().showView(MemoryMapView.ID);
		ViolationModel model = new ViolationModel("many");
		ChariotRuns.getDefault().started(model);
		UiWait.until("the views to follow the new run", TIMEOUT,
				() -> view.model().orElse(null) == model && map.model().orElse(null) == model);
		List<ChariotEvent> violations = new ArrayList<>(MANY);
		for (int id = 1; id <= MANY; id++) {
			violations.add(new Violation(id, id, sample.module(), sample.pc(), sample.instruction(),
					new Address(sample.address().value() + id * 8L), sample.size(),
					sample.value(), sample.old(), sample.kind(), sample.target(), sample.allocation(), sample.stack(),
					sample.source(), sample.verdict()));
		}
		long start = System.nanoTime();
		model.append(violations);
		Duration stall = UiWait.until("all rows and the map", TIMEOUT,
				() -> view.getContentDescription().equals("many: " + MANY + " violations")
						&& map.getContentDescription().endsWith(MANY + " violations"));
		long shown = System.nanoTime() - start;
		assertEquals(MANY, map.mapLayout().lanes().stream().mapToInt(lane -> lane.hits().size()).sum());
		System.out.printf("figure: %d violations at as many addresses in one batch -> all rows and the memory map"
				+ " shown: %d ms,"
				+ " longest UI-thread dispatch meanwhile: %d ms%n", MANY, shown / 1_000_000, stall.toMillis());
	}

	/** A real run: the chariot command builds the example, boots the guest, loads the driver isolated. */
	@Test
	void fromRunToTheDriverLoadedAndItsViolationShown() throws Exception {
		ChariotCheckout.kit();
		InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).put(ChariotPreferences.CHARIOT_ROOT,
				ChariotCheckout.root().toString());
		BuggyExample example = BuggyExample.of("buggy-overflow");
		AtomicLong loaded = new AtomicLong();
		AtomicLong violated = new AtomicLong();
		Consumer<ViolationModel> timing = model -> model.addListener(new ViolationModel.Listener() {
			@Override
			public void violationsAdded(ViolationModel run, int added) {
				violated.compareAndSet(0, System.nanoTime());
			}

			@Override
			public void memoryMapChanged(ViolationModel run) {
				if (!run.memoryMap().regions().isEmpty()) {
					loaded.compareAndSet(0, System.nanoTime());
				}
			}
		});
		ChariotRuns.getDefault().addListener(timing);
		try (ImportedExample imported = ImportedExample.of(example.directory())) {
			ViolationsView view = (ViolationsView) Workbench.page().showView(ViolationsView.ID);
			long start = System.nanoTime();
			Launches.runToEnd(imported.launchConfiguration(), TIMEOUT);
			long ended = System.nanoTime();
			ViolationsViewTest.waitForRun(view, example.name() + ": 1 violation");
			long row = System.nanoTime();
			System.out.printf("figure: Run -> driver loaded (module record read): %d ms; -> its violation read: %d ms;"
					+ " -> row shown: %d ms; -> run ended: %d ms%n", (loaded.get() - start) / 1_000_000,
					(violated.get() - start) / 1_000_000, (row - start) / 1_000_000, (ended - start) / 1_000_000);
		} finally {
			ChariotRuns.getDefault().removeListener(timing);
			InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).remove(ChariotPreferences.CHARIOT_ROOT);
		}
	}

	private static void print(String what, List<Long> nanos) {
		List<Long> millis = nanos.stream().map(n -> n / 1_000_000).sorted().toList();
		System.out.printf("figure: %s over %d records: median %d ms, max %d ms, all %s%n", what, millis.size(),
				millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis);
	}
}
