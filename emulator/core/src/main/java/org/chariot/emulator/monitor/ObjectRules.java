package org.chariot.emulator.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * The rule table of kernel objects a driver may write ({@code kernel-object-rules.txt}, data with
 * its own grammar in its header), with the offsets it names resolved from the kit's {@code
 * offsets.properties}: objects handed to a callback while it runs, and objects a kernel function
 * returns for the driver to fill until it releases them.
 */
final class ObjectRules {

    private static final String TABLE = "kernel-object-rules.txt";
    private static final String RETURNED_BY = "returned by ";
    private static final String RELEASED_BY = "released by ";
    /** A rule object larger than this means the registers do not hold what the rule expects. */
    private static final long MAX_OBJECT_SIZE = 1 << 20;

    /**
     * A callback rule; with {@code elements}, its object and size apply to each of {@code count}
     * elements of an array ({@code e}: {@code elements + i * stride}), else once.
     */
    private record CallbackRule(String name, RuleExpression callback, RuleExpression object, RuleExpression size,
            RuleExpression elements, RuleExpression count, RuleExpression stride) {
    }

    /** Elements of a rule's array looked at most. */
    private static final long MAX_ELEMENTS = 64;

    /**
     * A kernel function that returns (in a0) an object of {@code size} bytes, the size evaluated at
     * the function's entry, which the driver may write until it passes it to {@code release}.
     */
    record ReturnedObject(String name, String function, RuleExpression size, String release) {

        /** The object's size for the call whose arguments are on {@code hart} now, or 0 if the rule does not apply. */
        long sizeOnEntry(DebugAccess hart) {
            return plausibleSize(size.valueOrZero(hart));
        }
    }

    private final List<CallbackRule> callbacks;
    private final List<ReturnedObject> returned;

    private ObjectRules(List<CallbackRule> callbacks, List<ReturnedObject> returned) {
        this.callbacks = callbacks;
        this.returned = returned;
    }

    /** The bundled rule table, resolved against the kit's offsets. */
    static ObjectRules load(KitOffsets offsets) throws IOException {
        try (InputStream in = ObjectRules.class.getResourceAsStream(TABLE);
                Reader table = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(table, offsets);
        }
    }

    /** A rule table in the grammar of {@code kernel-object-rules.txt}, resolved against the kit's offsets. */
    static ObjectRules parse(Reader table, KitOffsets offsets) throws IOException {
        List<CallbackRule> callbacks = new ArrayList<>();
        List<ReturnedObject> returned = new ArrayList<>();
        BufferedReader lines = new BufferedReader(table);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = TABLE + " line " + number;
            String[] fields = line.split("\\|");
            if (fields.length != 4 && fields.length != 7) {
                throw new IllegalArgumentException(where + ": expected 'name | callback | object | size', 'name | "
                        + "callback | object | size | elements | count | stride' or 'name | " + RETURNED_BY
                        + "FUNCTION | size | " + RELEASED_BY + "FUNCTION'");
            }
            if (!hasAllOffsets(fields, offsets)) {
                continue; // a kernel without the subsystem: no object of it can be handed to the driver
            }
            String name = fields[0].trim();
            String second = fields[1].trim();
            if (second.startsWith(RETURNED_BY)) {
                returned.add(new ReturnedObject(name, function(second, RETURNED_BY, where),
                        expression(fields[2], where, offsets),
                        function(fields[3].trim(), RELEASED_BY, where)));
            } else {
                boolean array = fields.length == 7;
                callbacks.add(new CallbackRule(name, expression(second, where, offsets),
                        expression(fields[2], where, offsets), expression(fields[3], where, offsets),
                        array ? expression(fields[4], where, offsets) : null,
                        array ? expression(fields[5], where, offsets) : null,
                        array ? expression(fields[6], where, offsets) : null));
            }
        }
        return new ObjectRules(List.copyOf(callbacks), List.copyOf(returned));
    }

    private static boolean hasAllOffsets(String[] fields, KitOffsets offsets) {
        for (String field : fields) {
            for (String token : field.trim().split("\\s+")) {
                if (token.length() > 1 && (token.startsWith("+") || token.startsWith("-"))
                        && !token.substring(1).matches("[0-9]+") && !offsets.has(token.substring(1))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static RuleExpression expression(String text, String where, KitOffsets offsets) {
        return RuleExpression.compile(text, where, offsets);
    }

    private static String function(String field, String prefix, String where) {
        String function = field.startsWith(prefix) ? field.substring(prefix.length()).trim() : "";
        if (!function.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException(where + ": expected '" + prefix + "FUNCTION', not '" + field + "'");
        }
        return function;
    }

    /** The objects kernel functions return for the driver to fill. */
    List<ReturnedObject> returnedObjects() {
        return returned;
    }

    /**
     * The grants of every callback rule whose callback is the function just entered at {@code pc};
     * {@code heap} finds the caches of slab objects.
     */
    List<Grant> grantsOnEntry(long pc, DebugAccess hart, HeapGeometry heap) {
        List<Grant> grants = new ArrayList<>();
        for (CallbackRule rule : callbacks) {
            try {
                long callback = rule.callback().evaluate(hart, heap);
                if (callback == pc) {
                    long elements = rule.elements() == null ? 0 : rule.elements().evaluate(hart, heap);
                    long count = rule.count() == null ? 1 : Math.min(rule.count().evaluate(hart, heap), MAX_ELEMENTS);
                    long stride = rule.stride() == null ? 0 : rule.stride().evaluate(hart, heap);
                    for (long i = 0; i < count; i++) {
                        long element = elements + i * stride;
                        long object = rule.object().evaluate(hart, heap, element);
                        long size = plausibleSize(rule.size().evaluate(hart, heap, element));
                        if (size > 0 && Long.compareUnsigned(object, object + size) < 0) {
                            grants.add(new Grant(object, object + size, Grant.Kind.RULE, rule.name()));
                        }
                    }
                }
            } catch (MemoryFault e) {
                // the arguments are not what this rule's callback takes: the rule does not apply
                continue;
            }
        }
        return grants;
    }

    private static long plausibleSize(long size) {
        return size > 0 && size <= MAX_OBJECT_SIZE ? size : 0;
    }
}
