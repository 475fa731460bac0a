package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chariot.core.events.EventParser;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.tests.support.TestResources;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;

/** 100 000 violations arriving in batches: the view keeps up and the UI thread never stalls. */
class ViolationsViewLoadTest {

	private static final int VIOLATIONS = 100_000;
	private static final int BATCH = 500;
	private static final Duration TIMEOUT = Duration.ofSeconds(60);
	private static final Duration LONGEST_ACCEPTABLE_STALL = Duration.ofSeconds(1);

	@Test
	void showsAHundredThousandViolationsWithoutStallingTheUiThread() throws Exception {
		Violation sample = sampleViolation();
		ViolationsView view = (ViolationsView) Workbench.page().showView(ViolationsView.ID);
		ViolationModel run = new ViolationModel("stress");
		view.show(run);

		CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
			for (int first = 1; first <= VIOLATIONS; first += BATCH) {
				List<Violation> batch = new ArrayList<>(BATCH);
				for (int id = first; id < first + BATCH; id++) {
					batch.add(withId(sample, id));
				}
				run.append(List.copyOf(batch));
			}
		});
		Duration longestStall = UiWait.until("all violations to show", TIMEOUT, () -> writer.isDone()
				&& view.getContentDescription().equals("stress: " + VIOLATIONS + " violations"));

		writer.get();
		assertEquals(VIOLATIONS, view.viewer().getTable().getItemCount());
		TableItem last = view.viewer().getTable().getItem(VIOLATIONS - 1);
		assertEquals("heap-overflow", last.getText(0), "a row far down is filled when asked for");
		assertEquals(VIOLATIONS, ((Violation) last.getData()).id());
		assertTrue(longestStall.compareTo(LONGEST_ACCEPTABLE_STALL) < 0,
				"the UI thread was busy for " + longestStall.toMillis() + " ms at once");
	}

	private static Violation sampleViolation() throws Exception {
		String line = TestResources.read(TestResources.SAMPLE_RUN).lines().skip(4).findFirst().orElseThrow();
		return assertInstanceOf(Violation.class, new EventParser().parse(line).orElseThrow());
	}

	private static Violation withId(Violation v, long id) {
		return new Violation(v.time() + id, id, v.module(), v.pc(), v.instruction(), v.address(), v.size(), v.value(),
				v.old(), v.kind(), v.target(), v.allocation(), v.stack(), v.source(), v.verdict());
	}
}
