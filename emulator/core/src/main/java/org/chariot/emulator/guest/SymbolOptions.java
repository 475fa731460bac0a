package org.chariot.emulator.guest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which Kconfig option builds each symbol the kernel source exports, and how that option is set in
 * the kit's kernel: the kit build derives the map from the kernel's Makefiles and Kconfig files
 * ({@code emulator/guest/symbol-options.pl}), so that a driver that uses a symbol the kit lacks is
 * told what to enable.
 */
public final class SymbolOptions {

    /** How many of the options that select a hidden option are named. */
    private static final int SELECTORS_SHOWN = 3;

    /** Where a symbol is exported: the option that builds its source file. */
    private record Export(String option, String file) {
    }

    /** An option in Kconfig: whether it has a prompt, what it depends on, and what selects it. */
    private record Option(boolean prompt, String dependsOn, List<String> selectedBy) {
    }

    private final Map<String, List<Export>> exports;
    private final Map<String, Option> options;
    private final Map<String, String> kitConfig;

    private SymbolOptions(Map<String, List<Export>> exports, Map<String, Option> options, Map<String, String> kitConfig) {
        this.exports = exports;
        this.options = options;
        this.kitConfig = kitConfig;
    }

    /** The maps of {@code kit} (its {@code kconfig-symbols.tsv}, {@code kconfig-options.tsv}) and its kernel's .config. */
    public static SymbolOptions of(GuestKit kit) throws GuestToolException {
        try {
            Map<String, List<Export>> exports = new HashMap<>();
            for (String[] row : rows(kit.directory().resolve("kconfig-symbols.tsv"), 3)) {
                exports.computeIfAbsent(row[0], s -> new ArrayList<>()).add(new Export(row[1], row[2]));
            }
            Map<String, Option> options = new HashMap<>();
            for (String[] row : rows(kit.directory().resolve("kconfig-options.tsv"), 4)) {
                options.put(row[0], new Option(row[1].equals("prompt"), row[2],
                        row[3].isEmpty() ? List.of() : List.of(row[3].split(" "))));
            }
            return new SymbolOptions(exports, options, kitConfig(kit.kernelConfig()));
        } catch (IOException | UncheckedIOException e) {
            throw new GuestToolException("cannot read the kit's symbol maps in " + kit.directory() + ": "
                    + e.getMessage() + "; rebuild the kit with ./chariot setup", e);
        }
    }

    /** One line for a symbol a module needs and the kit's kernel lacks: where it comes from and what to enable. */
    public String explain(String symbol) {
        List<Export> found = exports.getOrDefault(symbol, List.of());
        if (found.isEmpty()) {
            return symbol + ": no kernel source exports it: a misspelt name, a static or unexported kernel function, "
                    + "or a symbol of another out-of-tree module (build those modules in one directory)";
        }
        List<String> ways = new ArrayList<>();
        for (Export export : found) {
            ways.add(describe(export));
        }
        return symbol + ": " + String.join("; or ", ways);
    }

    private String describe(Export export) {
        String where = "exported by " + export.file();
        if (export.option().equals("y")) {
            return where + ", which every kernel builds, under a condition inside that file";
        }
        String setting = kitConfig.get(export.option());
        if (setting != null) {
            return where + ", built with " + export.option() + " (=" + setting + " in the kit), under a further "
                    + "condition inside that file";
        }
        Option option = options.get(export.option());
        StringBuilder text = new StringBuilder(where).append(", built with ").append(export.option())
                .append(", which the kit does not set");
        if (option != null && !option.dependsOn().isEmpty()) {
            text.append(" (it depends on ").append(option.dependsOn()).append(')');
        }
        if (option != null && !option.prompt()) {
            text.append("; it has no prompt: enable an option that selects it");
            if (!option.selectedBy().isEmpty()) {
                List<String> shown = option.selectedBy().subList(0, Math.min(SELECTORS_SHOWN, option.selectedBy().size()));
                text.append(", such as ").append(String.join(", ", shown));
                int more = option.selectedBy().size() - shown.size();
                if (more > 0) {
                    text.append(" (or one of ").append(more).append(" more)");
                }
            }
        }
        return text.toString();
    }

    private static List<String[]> rows(Path file, int columns) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(line -> line.split("\t", -1)).filter(row -> row.length == columns).toList();
        }
    }

    /** The kit kernel's options that are set ({@code CONFIG_X=y} or {@code =m}, ...), from its .config. */
    private static Map<String, String> kitConfig(Path dotConfig) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(dotConfig)) {
            lines.filter(line -> line.startsWith("CONFIG_") && line.contains("=")).forEach(line ->
                    settings.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        }
        return settings;
    }
}
