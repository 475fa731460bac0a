package org.chariot.emulator.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.chariot.emulator.monitor.AccessControlTable.PageAccess;
import org.junit.jupiter.api.Test;

class AccessControlTableTest {

    private static final long KERNEL = 0xffffffd8_00100000L;

    private final AccessControlTable table = new AccessControlTable();

    private static Grant allocation(long start, long size) {
        return new Grant(start, start + size, Grant.Kind.ALLOCATION, "chardev_open+0x1c");
    }

    @Test
    void isPreciseToTheByte() {
        table.grant(allocation(KERNEL + 0x40, 16));
        assertTrue(table.allows(KERNEL + 0x40, 8));
        assertTrue(table.allows(KERNEL + 0x48, 8));
        assertFalse(table.allows(KERNEL + 0x49, 8), "one byte past the object");
        assertFalse(table.allows(KERNEL + 0x3f, 1), "one byte before the object");
        assertTrue(table.allows(KERNEL + 0x4f, 1));
        assertFalse(table.allows(KERNEL + 0x50, 1));
    }

    @Test
    void aWriteMaySpanAdjacentGrants() {
        table.grant(allocation(KERNEL, 8));
        table.grant(new Grant(KERNEL + 8, KERNEL + 16, Grant.Kind.SECTION, ".data"));
        assertTrue(table.allows(KERNEL + 4, 8));
    }

    @Test
    void revokingAFreedObjectTakesAllItsBytes() {
        table.grant(allocation(KERNEL, 64));
        List<Grant> revoked = table.revoke(KERNEL, KERNEL + 1);
        assertEquals(1, revoked.size());
        assertFalse(table.allows(KERNEL + 32, 1));
        assertTrue(table.grants().isEmpty());
    }

    @Test
    void aNewGrantReplacesStaleOverlappingOnes() {
        table.grant(allocation(KERNEL, 64));
        table.grant(allocation(KERNEL + 128, 64));
        List<Grant> replaced = table.grant(allocation(KERNEL + 32, 128));
        assertEquals(2, replaced.size());
        assertEquals(1, table.grants().size());
        assertFalse(table.allows(KERNEL, 1));
    }

    @Test
    void pageSummaryFollowsGrantsAndRevocations() {
        long page = KERNEL + 0x1000;
        assertEquals(PageAccess.NONE, table.pageAccess(page));
        table.grant(allocation(page + 0x800, 0x1000));
        assertEquals(PageAccess.SOME, table.pageAccess(page));
        assertEquals(PageAccess.SOME, table.pageAccess(page + 0x1000));
        table.grant(allocation(page, 0x800));
        assertEquals(PageAccess.ALL, table.pageAccess(page + 0xfff));
        table.revoke(page, page + 1);
        assertEquals(PageAccess.SOME, table.pageAccess(page));
        table.revoke(page + 0x800, page + 0x801);
        assertEquals(PageAccess.NONE, table.pageAccess(page));
        assertEquals(PageAccess.NONE, table.pageAccess(page + 0x1000));
    }

    @Test
    void nearestNamesTheObjectAWildWriteMissed() {
        Grant low = allocation(KERNEL, 16);
        table.grant(low);
        table.grant(allocation(KERNEL + 0x100, 16));
        assertEquals(low, table.nearest(KERNEL + 0x10).orElseThrow(), "just past the first object");
        assertEquals(KERNEL + 0x100, table.nearest(KERNEL + 0xf8).orElseThrow().start(), "just before the second");
        assertEquals(KERNEL + 0x100, table.containing(KERNEL + 0x10f).orElseThrow().start());
        assertTrue(table.containing(KERNEL + 0x110).isEmpty());
    }

    @Test
    void worksAtTheTopOfTheAddressSpace() {
        long top = -0x1000L;
        table.grant(allocation(top, 0xfff));
        assertTrue(table.allows(-2, 1));
        assertEquals(PageAccess.SOME, table.pageAccess(top));
    }

    @Test
    void emptyGrantsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> allocation(KERNEL, 0));
    }
}
