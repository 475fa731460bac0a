package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A violation storm on the console: the first reports of each site in full, then a count. */
class ReportThrottleTest {

    private static Violation at(long id, Frame site) {
        return new Violation(id, "storm", site.pc(), "sb a4,16(a5)", 0xffffffd800e233a0L, 1, new byte[] {0x5a},
                new byte[] {0}, ViolationKind.HEAP_OVERFLOW, "0 bytes past the end", null, List.of(site), site,
                "blocked");
    }

    @Test
    void showsTheFirstReportsOfEachSiteThenCountsTheRest() {
        Frame loop = new Frame(0xffffffff002a5032L, "storm_init", "storm.c", 28);
        Frame other = new Frame(0xffffffff002a5040L, "storm_init", "storm.c", 31);
        ReportThrottle throttle = new ReportThrottle(3);
        List<String> shown = new ArrayList<>();
        for (long id = 1; id <= 5000; id++) {
            shown.add(throttle.format(at(id, loop)));
        }
        shown.add(throttle.format(at(5001, other)));
        List<String> reports = shown.stream().filter(text -> !text.isEmpty()).toList();
        assertEquals(4, reports.size(), "three of the loop's, one of the other site's");
        assertTrue(reports.get(2).contains("further violations of module storm at storm.c:28 are counted"),
                reports.get(2));
        assertTrue(reports.get(3).contains("storm.c:31"), reports.get(3));
        assertEquals(List.of("4997 more violations of module storm at storm.c:28 not reported"), throttle.unreported());
    }
}
