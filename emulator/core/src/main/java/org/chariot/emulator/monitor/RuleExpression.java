package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * One expression of the kernel-object rule table, compiled: it runs left to right on one value
 * that starts at 0, over the hart's argument registers and guest memory (the grammar is in the
 * table's header).
 */
final class RuleExpression {

    /**
     * Opcodes: set the value to a register, add a constant, load 8 or 4 bytes, take the value as a
     * page order (the bytes of 2^value pages), take the value as a slab object and go to its {@code
     * kmem_cache}, take the value as a {@code struct page *} and go to its memory, start a
     * parenthesised term (the value is kept), add the term to the kept value; an operand follows
     * the first two.
     */
    private static final long REGISTER = 0, ADD = 1, LOAD = 2, LOAD32 = 3, PAGES = 4, CACHE = 5, LOAD16 = 6,
            ELEMENT = 7, PAGE = 8, OPEN = 9, CLOSE = 10;
    /** How deep parenthesised terms nest. */
    private static final int MAX_NESTING = 4;
    /** Beyond this order a value is no page order: the expression yields 0. */
    private static final int MAX_PAGE_ORDER = 20;
    private static final int FIRST_ARGUMENT_REGISTER = 10;

    private final long[] code;

    private RuleExpression(long[] code) {
        this.code = code;
    }

    /**
     * @param where the table line, for messages
     * @param offsets the kit's offsets, for {@code +key} and {@code -key}
     */
    static RuleExpression compile(String expression, String where, KitOffsets offsets) {
        List<Long> code = new ArrayList<>();
        int depth = 0;
        for (String token : expression.trim().split("\\s+")) {
            if (token.equals("@")) {
                code.add(LOAD);
            } else if (token.equals("@4")) {
                code.add(LOAD32);
            } else if (token.equals("@2")) {
                code.add(LOAD16);
            } else if (token.equals("e")) {
                code.add(ELEMENT);
            } else if (token.equals("pages")) {
                code.add(PAGES);
            } else if (token.equals("cache")) {
                code.add(CACHE);
            } else if (token.equals("page")) {
                code.add(PAGE);
            } else if (token.equals("(") && depth < MAX_NESTING) {
                code.add(OPEN);
                depth++;
            } else if (token.equals(")") && depth > 0) {
                code.add(CLOSE);
                depth--;
            } else if (token.matches("a[0-7]")) {
                code.add(REGISTER);
                code.add((long) FIRST_ARGUMENT_REGISTER + token.charAt(1) - '0');
            } else if (token.matches("[1-9][0-9]{0,8}")) {
                code.add(ADD);
                code.add(Long.parseLong(token));
            } else if (token.length() > 1 && (token.startsWith("+") || token.startsWith("-"))) {
                long offset = offsets.require(token.substring(1), where);
                code.add(ADD);
                code.add(token.startsWith("+") ? offset : -offset);
            } else {
                throw new IllegalArgumentException(where + ": unknown token '" + token
                        + "' (use a0..a7, e, a byte count, +offset.key, -offset.key, @, @4, @2, pages, cache, page, "
                        + "( or ))");
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException(where + ": unbalanced parentheses in '" + expression + "'");
        }
        return new RuleExpression(code.stream().mapToLong(Long::longValue).toArray());
    }

    /** The value on {@code hart} now, or 0 if the registers do not hold what the expression expects (a fault). */
    long valueOrZero(DebugAccess hart) {
        try {
            return evaluate(hart, null);
        } catch (MemoryFault e) {
            return 0;
        }
    }

    /**
     * The value on {@code hart} now, with {@code heap} for {@code cache} (null: no object has a
     * cache); a fault means the registers do not hold what the rule expects.
     */
    long evaluate(DebugAccess hart, HeapGeometry heap) throws MemoryFault {
        return evaluate(hart, heap, 0);
    }

    /** As {@link #evaluate(DebugAccess, HeapGeometry)}, with {@code element} for {@code e}. */
    long evaluate(DebugAccess hart, HeapGeometry heap, long element) throws MemoryFault {
        long value = 0;
        long[] kept = new long[MAX_NESTING];
        int depth = 0;
        for (int i = 0; i < code.length; i++) {
            if (code[i] == OPEN) {
                kept[depth++] = value;
                value = 0;
            } else if (code[i] == CLOSE) {
                value += kept[--depth];
            } else if (code[i] == PAGE) {
                value = heap == null ? 0 : heap.addressOf(value);
            } else if (code[i] == REGISTER) {
                value = hart.x((int) code[++i]);
            } else if (code[i] == ADD) {
                value += code[++i];
            } else if (code[i] == LOAD) {
                value = ByteBuffer.wrap(hart.readMemory(value, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
            } else if (code[i] == ELEMENT) {
                value = element;
            } else if (code[i] == LOAD16) {
                value = Short.toUnsignedLong(ByteBuffer.wrap(hart.readMemory(value, 2)).order(ByteOrder.LITTLE_ENDIAN)
                        .getShort());
            } else if (code[i] == CACHE) {
                value = heap == null ? 0 : heap.cacheOf(value);
            } else if (code[i] == PAGES) {
                value = Long.compareUnsigned(value, MAX_PAGE_ORDER) <= 0 ? AccessControlTable.PAGE_SIZE << value : 0;
            } else {
                value = Integer.toUnsignedLong(ByteBuffer.wrap(hart.readMemory(value, 4)).order(ByteOrder.LITTLE_ENDIAN)
                        .getInt());
            }
        }
        return value;
    }
}
