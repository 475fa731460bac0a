package org.chariot.emulator.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which violations a console shows in full: the first few of each site (the module's storing
 * instruction, or its call of a free), then only a count, so that a loop writing out of bounds
 * thousands of times leaves a readable console. The event stream still records every one.
 */
public final class ReportThrottle {

    private record Site(String module, long pc, Frame source) {

        String describe() {
            String where = source != null && source.hasSource() ? source.file() + ":" + source.line()
                    : String.format("pc 0x%x", pc);
            return "module " + module + " at " + where;
        }
    }

    private final int reportsPerSite;
    private final Map<Site, Long> seen = new LinkedHashMap<>();

    public ReportThrottle(int reportsPerSite) {
        this.reportsPerSite = reportsPerSite;
    }

    /**
     * The console text for {@code violation}: its full report while its site has had fewer than its
     * share, with a notice after the last; empty after that.
     */
    public String format(Violation violation) {
        Site site = new Site(violation.module(), violation.pc(), violation.source());
        long count = seen.merge(site, 1L, Long::sum);
        if (count > reportsPerSite) {
            return "";
        }
        String report = ViolationReport.format(violation);
        return count < reportsPerSite ? report : report + String.format(
                "Chariot: further violations of %s are counted, not reported here (the event stream has each)%n",
                site.describe());
    }

    /** One line for each site whose violations were not all shown: how many were only counted. */
    public List<String> unreported() {
        List<String> lines = new ArrayList<>();
        seen.forEach((site, count) -> {
            if (count > reportsPerSite) {
                lines.add(String.format("%d more violations of %s not reported", count - reportsPerSite,
                        site.describe()));
            }
        });
        return lines;
    }
}
