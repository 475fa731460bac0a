/**
 * Fault injection into drivers, to measure what isolation detects and contains.
 *
 * <p><b>Source-level mutation, not binary.</b> Nooks and the Chariot paper injected the faults
 * programmers make: wrong pointers and offsets, off-by-one bounds, missing initialisation, frees in
 * the wrong place. Those are C-level mistakes; a mutated C line rebuilt by Kbuild (about half a
 * second) gives a real compiler's code for it, and the mutant's DWARF points at the mutated line,
 * so each trial can check that a violation names it. Patching the offset or base register of a
 * store in {@code .text} is quicker but reaches only the first class of fault, must keep every
 * instruction valid, and names no line a developer would have written.
 *
 * <p><b>Manifestation is observed, not assumed.</b> Every mutant runs twice on the same build:
 * under policy {@code report} (its writes land, as without Chariot, and each one outside the ACT is
 * recorded) and under {@code block}. The campaign first runs the unmutated driver the same two ways
 * and requires it clean, so whatever the report run of a mutant records comes from the mutation.
 * The kernel's own SLUB debugging ({@code slub_debug=FZPU}) is on in every run, a witness of heap
 * damage that does not depend on the monitor: damage it reports in a report run counts as
 * manifested even if the monitor recorded nothing, and in a block run it means not contained.
 */
package org.chariot.emulator.inject;
