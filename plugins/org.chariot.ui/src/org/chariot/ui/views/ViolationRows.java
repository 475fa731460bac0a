package org.chariot.ui.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;

/**
 * The rows the Violations view shows of a run: every violation, or one per site (module and source line, with how
 * many violations it made), keeping those whose cells contain the filter text. Rows are added as the run grows, in
 * steps so that a large run never holds the UI thread long; a new filter or grouping starts over.
 */
final class ViolationRows {

	private final ViolationModel model;
	private final String filter;
	private final boolean bySite;
	private final List<Violation> rows = new ArrayList<>();
	private final Map<String, Violation> firstAtSite = new HashMap<>();
	private final Map<Violation, Integer> countOfFirst = new HashMap<>();
	private int read;

	ViolationRows(ViolationModel model, String filter, boolean bySite) {
		this.model = model;
		this.filter = filter.strip().toLowerCase(Locale.ROOT);
		this.bySite = bySite;
	}

	/**
	 * Takes up to {@code most} more violations of the run into the rows.
	 *
	 * @return true if the run has violations not taken yet
	 */
	boolean follow(int most) {
		int available = model.size();
		int upTo = Math.min(available, read + most);
		for (Violation violation : model.range(read, upTo)) {
			if (matches(violation)) {
				add(violation);
			}
		}
		read = upTo;
		return read < available;
	}

	private boolean matches(Violation violation) {
		if (filter.isEmpty()) {
			return true;
		}
		for (ViolationColumn column : ViolationColumn.values()) {
			if (column.text(violation).toLowerCase(Locale.ROOT).contains(filter)) {
				return true;
			}
		}
		return false;
	}

	private void add(Violation violation) {
		if (!bySite) {
			rows.add(violation);
			return;
		}
		Violation first = firstAtSite.computeIfAbsent(site(violation), key -> {
			rows.add(violation);
			return violation;
		});
		countOfFirst.merge(first, 1, Integer::sum);
	}

	private static String site(Violation violation) {
		return violation.module() + "\n" + violation.source().file() + ":" + violation.source().line() + "\n"
				+ (violation.source().hasLine() ? "" : violation.source().function());
	}

	int size() {
		return rows.size();
	}

	Violation get(int index) {
		return rows.get(index);
	}

	/** How many violations a row stands for: its site's count when grouped, else 1. */
	int count(Violation row) {
		return bySite ? countOfFirst.getOrDefault(row, 0) : 1;
	}

	/** How many violations of the run the rows have looked at. */
	int read() {
		return read;
	}
}
