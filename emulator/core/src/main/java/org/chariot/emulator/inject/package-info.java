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
 * <p><b>Manifestation is observed, not assumed, and not by the monitor.</b> Every mutant runs twice
 * on the same build: without isolation (as without Chariot) and under policy {@code block}. A mutant
 * manifested when its unprotected run damaged the kernel as witnesses independent of the monitor see
 * it: the kernel's own SLUB debugging ({@code slub_debug=FZPU}: redzones, poison, free pointers), an
 * oops, panic or hang, and a canary program after the exercise that checks the kernel still works.
 * The campaign first runs the unmutated driver the same two ways and requires it healthy and clean,
 * so damage in a mutant's run comes from the mutation, and any violation of it is a false alarm.
 */
package org.chariot.emulator.inject;
