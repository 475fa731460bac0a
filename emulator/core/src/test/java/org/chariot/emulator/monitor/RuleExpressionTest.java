package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.mmu.MemoryFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule expressions and the rules built on them, evaluated on a hart's arguments and memory. */
class RuleExpressionTest {

    private static final int A0 = 10;
    private static final long RNG = 0xffffffd800100000L, READ = 0xffffffff002d8040L, BUFFER = 0xffffffd800200000L;

    @TempDir
    Path directory;

    /** Argument registers and 8-byte words of memory; reading anything else faults. */
    private static final class Arguments implements DebugAccess {
        private final long[] x = new long[32];
        private final Map<Long, Byte> memory = new HashMap<>();

        Arguments arguments(long... values) {
            System.arraycopy(values, 0, x, A0, values.length);
            return this;
        }

        Arguments word(long address, long value) {
            byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
            for (int i = 0; i < bytes.length; i++) {
                memory.put(address + i, bytes[i]);
            }
            return this;
        }

        @Override
        public byte[] readMemory(long address, int length) throws MemoryFault {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                Byte value = memory.get(address + i);
                if (value == null) {
                    throw new MemoryFault(13, address + i);
                }
                data[i] = value;
            }
            return data;
        }

        @Override
        public long x(int i) {
            return x[i];
        }

        @Override
        public void setX(int i, long value) {
            x[i] = value;
        }

        @Override
        public long pc() {
            return 0;
        }

        @Override
        public void setPc(long pc) {
        }

        @Override
        public int privilege() {
            return 1;
        }

        @Override
        public long csr(int number) {
            return 0;
        }

        @Override
        public void setCsr(int number, long value) {
        }

        @Override
        public void writeMemory(long address, byte[] data) {
            throw new UnsupportedOperationException("rules only read");
        }

        @Override
        public StopReason step() {
            throw new UnsupportedOperationException("rules do not run the hart");
        }

        @Override
        public void insertBreakpoint(long pc) {
        }

        @Override
        public void removeBreakpoint(long pc) {
        }
    }

    private KitOffsets offsets() throws Exception {
        return KitOffsets.load(Files.writeString(directory.resolve("offsets.properties"),
                "hwrng.read=0x28\nkmem_cache.object_size=0x1c\nsizeof.gendisk=432\n"));
    }

    private long value(String expression, Arguments hart) throws Exception {
        return RuleExpression.compile(expression, "test", offsets()).valueOrZero(hart);
    }

    @Test
    void readsArgumentsAddsBytesAndFollowsPointers() throws Exception {
        Arguments hart = new Arguments().arguments(RNG, BUFFER, 32).word(RNG + 0x28, READ);
        assertEquals(READ, value("a0 +hwrng.read @", hart));
        assertEquals(33, value("a2 1", hart));
    }

    @Test
    void loadsAThirtyTwoBitFieldUnsigned() throws Exception {
        Arguments hart = new Arguments().arguments(RNG).word(RNG + 0x1c, 0xaaaa_bbbb_ffff_fff0L);
        assertEquals(0xffff_fff0L, value("a0 +kmem_cache.object_size @4", hart));
    }

    @Test
    void takesAPageOrderForTheBytesOfThosePages() throws Exception {
        Arguments hart = new Arguments().arguments(0, 2, 64);
        assertEquals(4096, value("pages", hart));
        assertEquals(16384, value("a1 pages", hart));
        assertEquals(0, value("a2 pages", hart), "no page order");
    }

    @Test
    void isZeroWhereTheArgumentsPointNowhere() throws Exception {
        assertEquals(0, value("a0 +hwrng.read @", new Arguments().arguments(RNG)));
    }

    @Test
    void grantsTheCallbacksObjectWhenTheCallbackRuns() throws Exception {
        ObjectRules rules = ObjectRules.parse(new StringReader("read | a0 +hwrng.read @ | a1 | a2\n"), offsets());
        Arguments hart = new Arguments().arguments(RNG, BUFFER, 32).word(RNG + 0x28, READ);
        assertEquals(List.of(new Grant(BUFFER, BUFFER + 32, Grant.Kind.RULE, "read")), rules.grantsOnEntry(READ, hart));
        assertEquals(List.of(), rules.grantsOnEntry(READ + 2, hart), "another function");
    }

    @Test
    void sizesAReturnedObjectAtTheFunctionsEntry() throws Exception {
        ObjectRules rules = ObjectRules.parse(new StringReader(
                "disk | returned by __blk_mq_alloc_disk | +sizeof.gendisk | released by put_disk\n"), offsets());
        ObjectRules.ReturnedObject disk = rules.returnedObjects().getFirst();
        assertEquals("__blk_mq_alloc_disk", disk.function());
        assertEquals("put_disk", disk.release());
        assertEquals(432, disk.sizeOnEntry(new Arguments()));
    }
}
