package org.chariot.emulator.monitor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Who runs on the hart, as isolation sees it: which isolated driver (if any) is executing, the
 * stack pointer each entry into it started with (its own frames lie below), the points where
 * control comes back into it after it called the kernel or was interrupted, and a helper running
 * on its behalf.
 */
final class DriverContext {

    /**
     * The kernel called into the driver with the stack at {@code entrySp}, to return to {@code
     * returnPc}; rule grants live as long as the call.
     */
    record Activation(IsolatedModule module, long entrySp, long returnPc, List<Grant> ruleGrants) {
    }

    /** Control left the driver (a call or a trap) and comes back at {@code pc} with the stack at {@code sp}. */
    record Resume(long pc, long sp, PendingAllocation allocation) {
    }

    /**
     * An allocator, or a kernel function that returns an object to fill, called by the driver: at
     * its return, {@code [a0, a0 + size)} becomes the driver's, as a grant of {@code kind}; {@code
     * size} may be {@link #STRING}.
     *
     * @param label what made the object, for reports: the allocator, or the rule and its function
     */
    record PendingAllocation(String label, long size, Frame site, Grant.Kind kind) {
        /** The size of a string allocator's object: the length of the string it returns, known at its return. */
        static final long STRING = -1;
    }

    /** A kernel helper called by the driver: it writes for the driver until it returns to {@code returnPc}. */
    record HelperCall(String function, long returnPc, long sp, Frame callSite) {
    }

    /** Enough for any sane nesting of driver callbacks; beyond it the oldest entries are forgotten. */
    private static final int MAX_DEPTH = 64;

    private final Deque<Activation> activations = new ArrayDeque<>();
    private final Deque<Resume> resumes = new ArrayDeque<>();
    private IsolatedModule running;
    private HelperCall helper;
    /** Where a trap taken inside the helper returns; the trap handler runs as the kernel. */
    private Resume helperTrap;

    IsolatedModule running() {
        return running;
    }

    /** True while the driver's stores must be checked: its code or its helper runs. */
    boolean checksWrites() {
        return running != null && helperTrap == null;
    }

    Activation activation() {
        return activations.peek();
    }

    HelperCall helper() {
        return helper;
    }

    /**
     * Control entered {@code module}'s code at {@code pc}: returns the resume point it came back
     * to (popping it and any stale ones above it), or null if the kernel calls it afresh.
     */
    Resume enter(IsolatedModule module, long pc, long sp) {
        running = module;
        for (Resume resume : resumes) {
            if (resume.pc() == pc && resume.sp() == sp) {
                while (resumes.peek() != resume) {
                    resumes.pop();
                }
                return resumes.pop();
            }
        }
        return null;
    }

    /** The kernel called into the driver. */
    void activate(Activation activation) {
        push(activations, activation);
    }

    /** The driver called out or was interrupted; it resumes at {@code resume}. */
    void leaveFor(Resume resume) {
        running = null;
        push(resumes, resume);
    }

    /** The driver returned to the kernel: its activation ends (null if none was known). */
    Activation leaveByReturn() {
        running = null;
        return activations.poll();
    }

    void startHelper(HelperCall call) {
        helper = call;
    }

    void endHelper() {
        helper = null;
        helperTrap = null;
    }

    Resume helperTrap() {
        return helperTrap;
    }

    void setHelperTrap(Resume trap) {
        helperTrap = trap;
    }

    /** The module is gone: forget everything about it. */
    void forget(IsolatedModule module) {
        activations.removeIf(a -> a.module() == module);
        if (running == module) {
            running = null;
            endHelper();
        }
    }

    private static <T> void push(Deque<T> stack, T entry) {
        if (stack.size() == MAX_DEPTH) {
            stack.removeLast();
        }
        stack.push(entry);
    }
}
