package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule expressions and the rules built on them, evaluated on a hart's arguments and memory. */
class RuleExpressionTest {

    private static final long RNG = 0xffffffd800100000L, READ = 0xffffffff002d8040L, BUFFER = 0xffffffd800200000L;

    @TempDir
    Path directory;

    private KitOffsets offsets() throws Exception {
        return KitOffsets.load(Files.writeString(directory.resolve("offsets.properties"),
                "hwrng.read=0x28\nkmem_cache.object_size=0x1c\nsizeof.gendisk=432\n"));
    }

    private long value(String expression, FakeGuest hart) throws Exception {
        return RuleExpression.compile(expression, "test", offsets()).valueOrZero(hart);
    }

    @Test
    void readsArgumentsAddsBytesAndFollowsPointers() throws Exception {
        FakeGuest hart = new FakeGuest().arguments(RNG, BUFFER, 32).word(RNG + 0x28, READ);
        assertEquals(READ, value("a0 +hwrng.read @", hart));
        assertEquals(33, value("a2 1", hart));
    }

    @Test
    void loadsAThirtyTwoBitFieldUnsigned() throws Exception {
        FakeGuest hart = new FakeGuest().arguments(RNG).word(RNG + 0x1c, 0xaaaa_bbbb_ffff_fff0L);
        assertEquals(0xffff_fff0L, value("a0 +kmem_cache.object_size @4", hart));
    }

    @Test
    void takesAPageOrderForTheBytesOfThosePages() throws Exception {
        FakeGuest hart = new FakeGuest().arguments(0, 2, 64);
        assertEquals(4096, value("pages", hart));
        assertEquals(16384, value("a1 pages", hart));
        assertEquals(0, value("a2 pages", hart), "no page order");
    }

    @Test
    void addsAParenthesisedTermToTheValueBeforeIt() throws Exception {
        FakeGuest hart = new FakeGuest().arguments(RNG, BUFFER).word(RNG + 0x1c, 0x30);
        assertEquals(BUFFER + 0x30 + 8, value("a1 ( a0 +kmem_cache.object_size @4 ) 8", hart));
        assertEquals(BUFFER + 0x30, value("a1 ( ( a0 +kmem_cache.object_size @4 ) )", hart));
    }

    @Test
    void refusesUnbalancedParentheses() throws Exception {
        KitOffsets offsets = offsets();
        assertThrows(IllegalArgumentException.class,
                () -> RuleExpression.compile("a1 ( a0", "test", offsets));
        assertThrows(IllegalArgumentException.class,
                () -> RuleExpression.compile("a1 ) a0", "test", offsets));
    }

    @Test
    void isZeroWhereTheArgumentsPointNowhere() throws Exception {
        assertEquals(0, value("a0 +hwrng.read @", new FakeGuest().arguments(RNG)));
    }

    @Test
    void grantsTheCallbacksObjectWhenTheCallbackRuns() throws Exception {
        ObjectRules rules = ObjectRules.parse(new StringReader("read | a0 +hwrng.read @ | a1 | a2\n"), offsets());
        FakeGuest hart = new FakeGuest().arguments(RNG, BUFFER, 32).word(RNG + 0x28, READ);
        assertEquals(List.of(new Grant(BUFFER, BUFFER + 32, Grant.Kind.RULE, "read")), rules.grantsOnEntry(READ, hart, null));
        assertEquals(List.of(), rules.grantsOnEntry(READ + 2, hart, null), "another function");
    }

    @Test
    void sizesAReturnedObjectAtTheFunctionsEntry() throws Exception {
        ObjectRules rules = ObjectRules.parse(new StringReader(
                "disk | returned by __blk_mq_alloc_disk | +sizeof.gendisk | released by put_disk\n"), offsets());
        ObjectRules.ReturnedObject disk = rules.returnedObjects().getFirst();
        assertEquals("__blk_mq_alloc_disk", disk.function());
        assertEquals("put_disk", disk.release());
        assertEquals(432, disk.sizeOnEntry(new FakeGuest()));
    }
}
