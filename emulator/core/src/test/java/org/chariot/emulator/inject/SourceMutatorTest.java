package org.chariot.emulator.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The mutants of a small driver-like C file: where they are, what they change, and how a seed picks them. */
class SourceMutatorTest {

    private static final List<String> DRIVER = List.of(
            "/* A comment: p->count = 1; must not be mutated */",
            "static int open_it(struct inode *inode, struct file *file)",
            "{",
            "\tstruct state *state = kzalloc(sizeof(*state), GFP_KERNEL);",
            "",
            "\tif (!state)",
            "\t\treturn -ENOMEM;",
            "\tfile->private_data = state;",
            "\treturn 0;",
            "}",
            "static ssize_t write_it(struct file *file, const char __user *from, size_t count, loff_t *position)",
            "{",
            "\tstruct state *state = file->private_data;",
            "",
            "\tif (*position >= SIZE)",
            "\t\treturn -ENOSPC;",
            "\tif (copy_from_user(state->data + *position, from, count))",
            "\t\treturn -EFAULT;",
            "\t*position += count;",
            "\tstate->count += count;",
            "\treturn count;",
            "}",
            "static int release_it(struct inode *inode, struct file *file)",
            "{",
            "\tstruct state *state = file->private_data;",
            "",
            "\tkfree(state);",
            "\treturn 0;",
            "}");

    private final List<Mutation> mutations = SourceMutator.mutationsOf("it.c", DRIVER);

    @Test
    void everyKindOfFaultIsFoundInADriver() {
        Set<MutationKind> kinds = mutations.stream().map(Mutation::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(MutationKind.class), kinds);
    }

    @Test
    void aMutantChangesOnlyItsLineAndKeepsTheLineCount() {
        for (Mutation mutation : mutations) {
            List<String> mutant = mutation.applyTo(DRIVER);
            assertEquals(DRIVER.size(), mutant.size(), mutation::toString);
            for (int i = 0; i < DRIVER.size(); i++) {
                if (i == mutation.line() - 1) {
                    assertNotEquals(DRIVER.get(i), mutant.get(i), mutation::toString);
                } else {
                    assertEquals(DRIVER.get(i), mutant.get(i), mutation::toString);
                }
            }
        }
    }

    @Test
    void commentsAndBlankLinesAreNotMutated() {
        assertTrue(mutations.stream().noneMatch(m -> m.line() == 1 || DRIVER.get(m.line() - 1).isBlank()));
    }

    @Test
    void storesAreRedirectedAndFreesMovedBeforeTheWrite() {
        assertTrue(has(20, MutationKind.STORE_DESTINATION, "\t(state + 1)->count += count;"));
        assertTrue(has(19, MutationKind.STORE_DESTINATION, "\tposition[1] += count;"));
        assertTrue(has(17, MutationKind.OFF_BY_ONE, "\tif (copy_from_user(state->data + *position, from, (count) + 1))"));
        assertTrue(has(15, MutationKind.OFF_BY_ONE, "\tif (*position > SIZE)"));
        assertTrue(has(4, MutationKind.ALLOCATION_SIZE, "\tstruct state *state = kzalloc((sizeof(*state)) - 1, GFP_KERNEL);"));
        assertTrue(has(8, MutationKind.SKIPPED_INITIALISATION, "\t;"));
        assertTrue(has(20, MutationKind.EARLY_FREE, "\tkfree(state); state->count += count;"));
        assertTrue(has(4, MutationKind.SKIPPED_INITIALISATION, "\tstruct state *state = kmalloc(sizeof(*state), GFP_KERNEL);"));
    }

    @Test
    void anEarlyFreeIsNotInsertedUnderAnUnbracedIf() {
        List<String> unbraced = List.of("\tif (ready)", "\t\tstate->count = 0;", "\tkfree(state);");
        assertFalse(SourceMutator.mutationsOf("u.c", unbraced).stream()
                .anyMatch(m -> m.kind() == MutationKind.EARLY_FREE));
    }

    @Test
    void theSeedDecidesTheSampleAndASmallSampleCoversEveryKind() {
        List<Mutation> first = MutantSample.choose(mutations, MutationKind.values().length, 7);
        assertEquals(first, MutantSample.choose(mutations, MutationKind.values().length, 7));
        assertEquals(EnumSet.allOf(MutationKind.class), first.stream().map(Mutation::kind).collect(Collectors.toSet()));
        assertEquals(mutations.size(), MutantSample.choose(mutations, 1000, 7).stream().distinct().count());
    }

    private boolean has(int line, MutationKind kind, String mutated) {
        return mutations.stream().anyMatch(m -> m.line() == line && m.kind() == kind && m.mutated().equals(mutated));
    }
}
