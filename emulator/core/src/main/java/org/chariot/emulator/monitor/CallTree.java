package org.chariot.emulator.monitor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * One task's calls into and out of the isolated drivers, innermost first, as isolation sees them
 * on that task's kernel stack: the kernel called a driver ({@link Activation}), a driver or kernel
 * code working for it called the kernel ({@link KernelCall}), a trap interrupted either ({@link
 * Trap}). Each record ends when control comes back to its return point with its stack pointer, so
 * the records follow the stack itself and not the order in which interrupts happen to land.
 */
final class CallTree {

    /** One call or trap on the task's stack. */
    sealed interface Record permits Activation, KernelCall, Trap {
        /** Where control comes back when the record ends. */
        long returnPc();

        /** The stack pointer it comes back with. */
        long sp();
    }

    /**
     * The kernel called into the driver with the stack at {@code sp} (its own frames lie below), to
     * return to {@code returnPc}; rule grants live as long as the call. {@code stackArguments} are
     * the arguments that point into the kernel's frames above: locals the kernel hands the driver
     * ({@code long *val} of a hwmon read, an {@code i2c_msg} and its buffer), which the driver may
     * write within {@link #STACK_ARGUMENT_REACH} of where they point.
     */
    record Activation(IsolatedModule module, long sp, long returnPc, List<Grant> ruleGrants, long[] stackArguments)
            implements Record {

        /** How far around a stack argument the kernel's locals are taken as handed to the driver: a frame's size. */
        static final long STACK_ARGUMENT_REACH = 512;

        /** Whether {@code [address, address + size)} is near a stack argument the kernel passed. */
        boolean nearStackArgument(long address, int size) {
            for (long argument : stackArguments) {
                if (Long.compareUnsigned(address + STACK_ARGUMENT_REACH - argument, 2 * STACK_ARGUMENT_REACH - size) <= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Kernel code called for {@code module}: by the driver itself (returning into it) or by kernel
     * code working for it; {@code callSite} is the driver's line that started it. An allocator's
     * call carries what the driver gets when it returns.
     */
    record KernelCall(IsolatedModule module, long returnPc, long sp, Frame callSite, Role role,
            PendingAllocation allocation, long destination) implements Record {
    }

    /** A trap taken on the task's stack; its handler is the kernel's own work, until it returns with {@code sp}. */
    record Trap(long returnPc, long sp) implements Record {
    }

    /** What the kernel code of a {@link KernelCall} does for the driver, which says how its writes are checked. */
    enum Role {
        /** Any kernel function: it writes its own state, and must not write what nobody may (redzones, saved registers). */
        ON_BEHALF,
        /** A helper that writes where the driver points it ({@code memcpy}, {@code sprintf}, ...): its writes there are the driver's. */
        WRITES_FOR_DRIVER,
        /** An allocator or a free: the allocator's own bookkeeping, never checked. */
        ALLOCATOR
    }

    /**
     * An allocator, or a kernel function that returns an object to fill: at its return, {@code
     * [a0, a0 + size)} becomes the driver's, as a grant of {@code kind}.
     *
     * @param label what made the object, for reports: the allocator, or the rule and its function
     * @param size the bytes, or {@link #STRING}
     * @param result how a0 names the object
     * @param family the allocator's family, null for a returned object
     * @param cache for {@code kmem_cache_alloc}, the cache, else 0
     * @param array for a bulk allocator, the array it fills with the objects' addresses, else 0
     */
    record PendingAllocation(String label, long size, Frame site, Grant.Kind kind, KernelHooks.Result result,
            KernelHooks.Family family, long cache, long array) {
        /** The size of a string allocator's object: the length of the string it returns, known at its return. */
        static final long STRING = -1;
    }

    /** Enough for any sane nesting; beyond it the oldest records are forgotten. */
    private static final int MAX_DEPTH = 256;

    private final Deque<Record> records = new ArrayDeque<>();

    Record top() {
        return records.peek();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    void push(Record record) {
        if (records.size() == MAX_DEPTH) {
            records.removeLast();
        }
        records.push(record);
    }

    Record pop() {
        return records.pop();
    }

    /**
     * The records that control coming to {@code pc} with the stack at {@code sp} ends, removed,
     * innermost first: the one returning there and every record above it (their returns were not
     * seen: an exception fixup, a longjmp, a trap taken just as the call returned, an allocator
     * that kernel code tail-called); empty if none ends there. With {@code trapReturn} (control comes
     * there by {@code sret}) a trap ends where its stack pointer is back, whatever the pc: its handler
     * may have moved on (past a {@code WARN}'s {@code ebreak}, to an exception fixup).
     */
    List<Record> returnTo(long pc, long sp, boolean trapReturn) {
        Record ended = null;
        for (Record record : records) {
            boolean returns = record instanceof Trap ? trapReturn || record.returnPc() == pc
                    : !(record instanceof Activation) && record.returnPc() == pc;
            if (returns && record.sp() == sp) {
                ended = record; // the deepest: a trap taken just as a call returned comes back to the same point
            }
        }
        if (ended == null) {
            return List.of();
        }
        List<Record> popped = new ArrayList<>();
        do {
            popped.add(records.pop());
        } while (popped.getLast() != ended);
        return popped;
    }

    /**
     * Where the kernel called {@code module} from, as the end of a report's call stack: the return
     * point of the innermost activation, or of a kernel function the driver tail-called (which
     * returns to the driver's caller); 0 if none is known.
     */
    long kernelCaller(IsolatedModule module) {
        for (Record record : records) {
            if (record instanceof Activation activation) {
                return activation.returnPc();
            }
            if (record instanceof KernelCall call && !module.textContains(call.returnPc())) {
                return call.returnPc();
            }
        }
        return 0;
    }

    /** The innermost activation: the driver whose frames and rule grants apply now, or null. */
    Activation activation() {
        for (Record record : records) {
            if (record instanceof Activation activation) {
                return activation;
            }
        }
        return null;
    }

    /** The module gone: its records go (and with them whatever was called on their behalf). */
    void forget(IsolatedModule module) {
        Iterator<Record> it = records.descendingIterator();
        boolean gone = false;
        while (it.hasNext()) {
            Record record = it.next();
            gone |= record instanceof Activation a && a.module() == module
                    || record instanceof KernelCall c && c.module() == module;
            if (gone) {
                it.remove();
            }
        }
    }
}
