package org.chariot.core.coverage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads an lcov tracefile ({@code .info}, as {@code chariot run --coverage} writes it): per {@code SF} record its
 * {@code DA} lines and its {@code FN}/{@code FNDA} functions; other records (branches, totals) are not needed here.
 */
public final class LcovTracefile {

	private LcovTracefile() {
	}

	public static List<SourceCoverage> read(Path file) throws IOException {
		List<SourceCoverage> files = new ArrayList<>();
		String source = null;
		TreeMap<Integer, Integer> lines = new TreeMap<>();
		Map<String, Integer> functionLines = new HashMap<>();
		Map<String, Long> entered = new HashMap<>();
		for (String line : Files.readAllLines(file)) {
			int colon = line.indexOf(':');
			String key = colon < 0 ? line : line.substring(0, colon);
			String[] value = colon < 0 ? new String[0] : line.substring(colon + 1).split(",", 2);
			try {
				switch (key) {
				case "SF" -> source = value[0];
				case "DA" -> lines.merge(Integer.parseInt(value[0]), Integer.parseInt(value[1].split(",")[0]),
						Math::max);
				case "FN" -> functionLines.put(value[1], Integer.parseInt(value[0]));
				case "FNDA" -> entered.merge(value[1], Long.parseLong(value[0]), Long::sum);
				case "end_of_record" -> {
					List<SourceCoverage.Function> functions = new ArrayList<>();
					functionLines.forEach((name, at) -> functions
							.add(new SourceCoverage.Function(name, at, entered.getOrDefault(name, 0L))));
					functions.sort((a, b) -> Integer.compare(a.line(), b.line()));
					files.add(new SourceCoverage(source, lines, functions));
					lines.clear();
					functionLines.clear();
					entered.clear();
				}
				default -> {
					// TN, branches and totals: the annotations and the summary need lines and functions
				}
				}
			} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
				throw new IOException(file + ": not an lcov tracefile line: " + line, e);
			}
		}
		return List.copyOf(files);
	}
}
