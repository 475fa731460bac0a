package org.chariot.emulator.inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the faults one can inject into a driver's C file, line by line: every store statement,
 * helper call, allocation, comparison and free it has gives one or more mutants of its line. A
 * mutant changes one line and keeps the line count, so its file:line is the original's. The
 * scan is textual (comments and preprocessor lines skipped), as driver code is written one
 * statement a line; a mutant that does not compile is caught by the campaign's build.
 */
public final class SourceMutator {

    private static final String ASSIGNMENT = "\\s*(?:[-+*/%&|^]|<<|>>)?=(?!=)";
    private static final Pattern MEMBER_STORE = Pattern.compile("^(\\s*)([A-Za-z_]\\w*)->\\w+" + ASSIGNMENT);
    private static final Pattern GLOBAL_MEMBER_STORE = Pattern.compile("^(\\s*)([A-Za-z_]\\w*)\\.(\\w+)" + ASSIGNMENT);
    private static final Pattern DEREFERENCE_STORE = Pattern.compile("^(\\s*)\\*([A-Za-z_]\\w*)(" + ASSIGNMENT + ")");
    private static final Pattern WRITING_HELPER = Pattern.compile(
            "\\b(memset|memcpy|memmove|copy_from_user|strncpy|strscpy)\\s*\\(");
    private static final Pattern ALLOCATION = Pattern.compile(
            "\\b(kmalloc|kzalloc|vmalloc|vzalloc|kvmalloc|kvzalloc|devm_kmalloc|devm_kzalloc)\\s*\\(");
    private static final Pattern ZEROING_ALLOCATOR = Pattern.compile("\\b(k|v|kv|devm_k)zalloc\\b");
    private static final Pattern CONDITION = Pattern.compile("^\\s*(?:\\}\\s*else\\s+)?(?:if|while|for)\\s*\\(");
    private static final Pattern COMPARISON = Pattern.compile("(?<![-<>=!])(>=|<=|<(?![<=])|>(?![>=]))(?![=])");
    private static final Pattern FIELD_ASSIGNMENT = Pattern.compile(
            "^(\\s*)[A-Za-z_][\\w.\\->\\[\\]]*(?:->|\\.)\\w+\\s*=(?!=)[^;]*;\\s*$");
    private static final Pattern INITIALISING_CALL = Pattern.compile(
            "^(\\s*)(mutex_init|spin_lock_init|INIT_LIST_HEAD|init_waitqueue_head|memset)\\s*\\(.*\\);\\s*$");
    private static final Pattern FREE = Pattern.compile("\\bkfree\\s*\\(\\s*([^()]+?)\\s*\\)");

    private final String file;
    private final List<String> lines;
    private final boolean[] code;

    private SourceMutator(String file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
        this.code = codeLines(lines);
    }

    /** Every mutant of the C file {@code file} whose lines are {@code lines}, in line order. */
    public static List<Mutation> mutationsOf(String file, List<String> lines) {
        return new SourceMutator(file, lines).all();
    }

    private List<Mutation> all() {
        Set<String> freed = freedPointers();
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (code[i]) {
                int number = i + 1;
                String line = lines.get(i);
                storeDestinations(number, line, mutations);
                helperCalls(number, line, mutations);
                allocations(number, line, mutations);
                comparisons(number, line, mutations);
                skippedInitialisations(number, line, mutations);
                earlyFrees(number, line, freed, mutations);
            }
        }
        return mutations;
    }

    /** Lines outside comments and preprocessor directives. */
    private static boolean[] codeLines(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean startsInComment = inComment;
            int open = line.lastIndexOf("/*");
            int close = line.lastIndexOf("*/");
            if (open >= 0 && open > close) {
                inComment = true;
            } else if (close >= 0) {
                inComment = false;
            }
            code[i] = !startsInComment && !line.startsWith("/*") && !line.startsWith("//")
                    && !line.startsWith("#") && !line.isEmpty();
        }
        return code;
    }

    private void add(List<Mutation> mutations, int line, MutationKind kind, String mutated) {
        mutations.add(new Mutation(file, line, kind, lines.get(line - 1), mutated));
    }

    /** A store through a pointer or into a global's field lands one object before or after. */
    private void storeDestinations(int number, String line, List<Mutation> mutations) {
        Matcher member = MEMBER_STORE.matcher(line);
        if (member.find()) {
            for (String step : List.of(" + 1", " - 1")) {
                add(mutations, number, MutationKind.STORE_DESTINATION, member.group(1) + "(" + member.group(2) + step
                        + ")" + line.substring(member.end(2)));
            }
        }
        Matcher global = GLOBAL_MEMBER_STORE.matcher(line);
        if (global.find()) {
            add(mutations, number, MutationKind.STORE_DESTINATION, global.group(1) + "(&" + global.group(2) + " + 1)->"
                    + line.substring(global.start(3)));
        }
        Matcher dereference = DEREFERENCE_STORE.matcher(line);
        if (dereference.find()) {
            for (String index : List.of("1", "-1")) {
                add(mutations, number, MutationKind.STORE_DESTINATION, dereference.group(1) + dereference.group(2) + "["
                        + index + "]" + line.substring(dereference.start(3)));
            }
        }
    }

    /** A writing helper's destination a page off or 16 bytes before; its length one too many. */
    private void helperCalls(int number, String line, List<Mutation> mutations) {
        Matcher helper = WRITING_HELPER.matcher(line);
        while (helper.find()) {
            CallArguments.at(line, helper.end() - 1).filter(arguments -> arguments.count() >= 3).ifPresent(arguments -> {
                String destination = arguments.text(0);
                for (String offset : List.of(" + PAGE_SIZE", " - 16")) {
                    add(mutations, number, MutationKind.STORE_DESTINATION,
                            arguments.replacing(0, "(" + destination + ")" + offset));
                }
                int last = arguments.count() - 1;
                add(mutations, number, MutationKind.OFF_BY_ONE, arguments.replacing(last, "(" + arguments.text(last) + ") + 1"));
            });
        }
    }

    /** An allocation one byte short, and half its size. */
    private void allocations(int number, String line, List<Mutation> mutations) {
        Matcher allocation = ALLOCATION.matcher(line);
        while (allocation.find()) {
            int sizeArgument = allocation.group(1).startsWith("devm_") ? 1 : 0;
            CallArguments.at(line, allocation.end() - 1).filter(arguments -> arguments.count() > sizeArgument)
                    .ifPresent(arguments -> {
                        String size = arguments.text(sizeArgument);
                        for (String shorter : List.of("(" + size + ") - 1", "(" + size + ") / 2")) {
                            add(mutations, number, MutationKind.ALLOCATION_SIZE, arguments.replacing(sizeArgument, shorter));
                        }
                    });
        }
    }

    /** Each comparison of a condition one too lax or too strict. */
    private void comparisons(int number, String line, List<Mutation> mutations) {
        if (!CONDITION.matcher(line).find()) {
            return;
        }
        Matcher comparison = COMPARISON.matcher(line);
        while (comparison.find()) {
            String replacement = switch (comparison.group(1)) {
                case ">=" -> ">";
                case "<=" -> "<";
                case "<" -> "<=";
                default -> ">=";
            };
            add(mutations, number, MutationKind.OFF_BY_ONE,
                    line.substring(0, comparison.start()) + replacement + line.substring(comparison.end()));
        }
    }

    /** A field assignment or initialising call left out; a zeroing allocator that no longer zeroes. */
    private void skippedInitialisations(int number, String line, List<Mutation> mutations) {
        for (Pattern statement : List.of(FIELD_ASSIGNMENT, INITIALISING_CALL)) {
            Matcher matcher = statement.matcher(line);
            if (matcher.find()) {
                add(mutations, number, MutationKind.SKIPPED_INITIALISATION, matcher.group(1) + ";");
            }
        }
        Matcher zeroing = ZEROING_ALLOCATOR.matcher(line);
        if (zeroing.find()) {
            add(mutations, number, MutationKind.SKIPPED_INITIALISATION,
                    line.substring(0, zeroing.start()) + zeroing.group(1) + "malloc" + line.substring(zeroing.end()));
        }
    }

    /** What the file frees: {@code kfree(x)}'s arguments. */
    private Set<String> freedPointers() {
        Set<String> freed = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher free = FREE.matcher(lines.get(i));
            while (code[i] && free.find()) {
                freed.add(free.group(1));
            }
        }
        return freed;
    }

    /**
     * A statement that writes through a pointer the driver frees gets that free in front of it, on
     * its own line; only where the statement stands alone (the line before ends a statement or opens
     * a block), so the inserted free does not escape an unbraced if.
     */
    private void earlyFrees(int number, String line, Set<String> freed, List<Mutation> mutations) {
        if (FREE.matcher(line).find() || !startsStatement(number)) {
            return;
        }
        for (String pointer : freed) {
            if (writesThrough(line, pointer)) {
                int indent = line.length() - line.stripLeading().length();
                add(mutations, number, MutationKind.EARLY_FREE,
                        line.substring(0, indent) + "kfree(" + pointer + "); " + line.substring(indent));
            }
        }
    }

    private boolean startsStatement(int number) {
        for (int i = number - 2; i >= 0; i--) {
            if (code[i]) {
                String previous = lines.get(i).strip();
                return previous.endsWith(";") || previous.endsWith("{") || previous.endsWith("}");
            }
        }
        return false;
    }

    private static boolean writesThrough(String line, String pointer) {
        String stripped = line.strip();
        if (stripped.startsWith(pointer + "->")) {
            return MEMBER_STORE.matcher(line).find();
        }
        Matcher helper = WRITING_HELPER.matcher(line);
        while (helper.find()) {
            if (CallArguments.at(line, helper.end() - 1).map(arguments -> arguments.text(0).startsWith(pointer))
                    .orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
