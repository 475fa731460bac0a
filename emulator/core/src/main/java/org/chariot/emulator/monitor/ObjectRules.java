package org.chariot.emulator.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * The rule table of kernel objects a driver may write during its callbacks ({@code
 * kernel-object-rules.txt}, data with its own grammar in its header), with the offsets it names
 * resolved from the kit's {@code offsets.properties}.
 */
final class ObjectRules {

    private static final String TABLE = "kernel-object-rules.txt";

    private record Rule(String name, long[] callback, long[] object, int size) {
    }

    /** Opcodes of a compiled expression: register, add, load; a constant follows ADD. */
    private static final long REGISTER = 0, ADD = 1, LOAD = 2;
    private static final int FIRST_ARGUMENT_REGISTER = 10;

    private final List<Rule> rules;

    private ObjectRules(List<Rule> rules) {
        this.rules = rules;
    }

    /** The bundled rule table, resolved against the kit's offsets. */
    static ObjectRules load(Path offsetsFile) throws IOException {
        try (InputStream in = ObjectRules.class.getResourceAsStream(TABLE);
                Reader table = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(table, offsetsFile);
        }
    }

    /** A rule table in the grammar of {@code kernel-object-rules.txt}, resolved against the kit's offsets. */
    static ObjectRules parse(Reader table, Path offsetsFile) throws IOException {
        Properties offsets = new Properties();
        try (Reader reader = Files.newBufferedReader(offsetsFile)) {
            offsets.load(reader);
        }
        List<Rule> rules = new ArrayList<>();
        BufferedReader lines = new BufferedReader(table);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (!line.isBlank() && !line.startsWith("#")) {
                rules.add(parse(line, number, offsets, offsetsFile));
            }
        }
        return new ObjectRules(List.copyOf(rules));
    }

    private static Rule parse(String line, int number, Properties offsets, Path offsetsFile) {
        String[] fields = line.split("\\|");
        if (fields.length != 4) {
            throw new IllegalArgumentException(TABLE + " line " + number + ": expected 'name | callback | object | size'");
        }
        String size = fields[3].trim();
        if (!size.matches("[1-9][0-9]*")) {
            throw new IllegalArgumentException(TABLE + " line " + number + ": the size '" + size
                    + "' is not a positive number of bytes");
        }
        return new Rule(fields[0].trim(), compile(fields[1], number, offsets, offsetsFile),
                compile(fields[2], number, offsets, offsetsFile), Integer.parseInt(size));
    }

    private static long[] compile(String expression, int number, Properties offsets, Path offsetsFile) {
        List<Long> code = new ArrayList<>();
        for (String token : expression.trim().split("\\s+")) {
            if (token.equals("@")) {
                code.add(LOAD);
            } else if (token.matches("a[0-7]")) {
                code.add(REGISTER);
                code.add((long) FIRST_ARGUMENT_REGISTER + token.charAt(1) - '0');
            } else if (token.length() > 1 && (token.startsWith("+") || token.startsWith("-"))) {
                String value = offsets.getProperty(token.substring(1));
                if (value == null) {
                    throw new IllegalArgumentException(offsetsFile + " has no '" + token.substring(1) + "' (needed by "
                            + TABLE + " line " + number + "): rebuild the guest kit with ./chariot setup");
                }
                long offset = value.startsWith("0x") ? Long.parseLong(value.substring(2), 16) : Long.parseLong(value);
                code.add(ADD);
                code.add(token.startsWith("+") ? offset : -offset);
            } else {
                throw new IllegalArgumentException(TABLE + " line " + number + ": unknown token '" + token
                        + "' (use a0..a7, +offset.key, -offset.key or @)");
            }
        }
        return code.stream().mapToLong(Long::longValue).toArray();
    }

    /** The grants of every rule whose callback is the function just entered at {@code pc}. */
    List<Grant> grantsOnEntry(long pc, DebugAccess hart) {
        List<Grant> grants = new ArrayList<>();
        for (Rule rule : rules) {
            try {
                if (evaluate(rule.callback(), hart) == pc) {
                    long object = evaluate(rule.object(), hart);
                    grants.add(new Grant(object, object + rule.size(), Grant.Kind.RULE, rule.name()));
                }
            } catch (MemoryFault e) {
                // the arguments are not what this rule's callback takes: the rule does not apply
                continue;
            }
        }
        return grants;
    }

    private static long evaluate(long[] code, DebugAccess hart) throws MemoryFault {
        long value = 0;
        for (int i = 0; i < code.length; i++) {
            if (code[i] == REGISTER) {
                value = hart.x((int) code[++i]);
            } else if (code[i] == ADD) {
                value += code[++i];
            } else {
                value = ByteBuffer.wrap(hart.readMemory(value, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
            }
        }
        return value;
    }
}
