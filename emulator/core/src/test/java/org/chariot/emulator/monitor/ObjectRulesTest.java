package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel-object rule table: bad lines are refused with the line and what to fix; rules of absent subsystems are left out. */
class ObjectRulesTest {

    @TempDir
    Path directory;

    private KitOffsets offsets() throws Exception {
        return KitOffsets.load(offsetsFile());
    }

    private Path offsetsFile() throws Exception {
        return Files.writeString(directory.resolve("offsets.properties"), "file.f_op=0x28\nfile_operations.open=0x70\n"
                + "file.private_data=0xa8\n");
    }

    @Test
    void refusesALineWithoutItsFourFields() throws Exception {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ObjectRules.parse(
                new StringReader("# comment\n\nopen | a1 +file.f_op @ | a1\n"), offsets()));
        assertEquals("kernel-object-rules.txt line 3: expected 'name | callback | object | size', 'name | callback | "
                + "object | size | elements | count | stride' or 'name | returned by FUNCTION | size | released by "
                + "FUNCTION'", error.getMessage());
    }

    @Test
    void refusesAnUnknownToken() throws Exception {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ObjectRules.parse(
                new StringReader("open | a1 + file.f_op @ | a1 | 8\n"), offsets()));
        assertEquals("kernel-object-rules.txt line 1: unknown token '+' (use a0..a7, e, a byte count, +offset.key, "
                + "-offset.key, @, @4, @2, pages, cache, page, ( or ))", error.getMessage());
    }

    @Test
    void leavesOutARuleNamingAnOffsetTheKitLacks() throws Exception {
        // parsing the callback rule would fail on the missing offset, were it not left out
        ObjectRules rules = ObjectRules.parse(new StringReader("open | a1 +file.f_mode @ | a1 | 8\n"
                + "disk | returned by __blk_mq_alloc_disk | +sizeof.gendisk | released by put_disk\n"), offsets());
        assertEquals(0, rules.returnedObjects().size(), "a kernel without the subsystem hands out none of its objects");
    }

    @Test
    void refusesASizeThatIsNeitherABytecountNorAnExpression() throws Exception {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ObjectRules.parse(
                new StringReader("open | a1 +file.f_op @ +file_operations.open @ | a1 +file.private_data | eight\n"),
                offsets()));
        assertEquals("kernel-object-rules.txt line 1: unknown token 'eight' (use a0..a7, e, a byte count, +offset.key, "
                + "-offset.key, @, @4, @2, pages, cache, page, ( or ))", error.getMessage());
    }

    @Test
    void refusesAReturnedObjectWithoutItsRelease() throws Exception {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ObjectRules.parse(
                new StringReader("disk | returned by __blk_mq_alloc_disk | 432 | put_disk\n"), offsets()));
        assertEquals("kernel-object-rules.txt line 1: expected 'released by FUNCTION', not 'put_disk'",
                error.getMessage());
    }

    @Test
    void theBundledTableResolvesAgainstTheKit() throws Exception {
        ObjectRules.load(KitOffsets.load(IsolatedRun.kit().offsets()));
    }
}
