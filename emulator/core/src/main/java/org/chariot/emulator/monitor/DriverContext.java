package org.chariot.emulator.monitor;

/**
 * Who runs on the hart now, as the write checks need it: the kernel on its own account, an isolated
 * driver's code, a helper writing where the driver pointed it, or other kernel code working for the
 * driver; set by the {@link ExecutionTracker} from the running task's {@link CallTree}, read by the
 * {@link StoreChecker} on every store it sees.
 */
final class DriverContext {

    /** How the running code's writes are checked. */
    enum Mode {
        /** The kernel on its own account (or an allocator's bookkeeping, or a trap handler): not checked. */
        KERNEL,
        /** The driver's code: every write must be granted, its own stack frame or its device. */
        DRIVER,
        /** A helper the driver called: its writes from the driver's pointer on are the driver's. */
        HELPER,
        /** Other kernel code the driver called: it writes its own state, but not the guards of the driver's objects. */
        ON_BEHALF
    }

    private Mode mode = Mode.KERNEL;
    private IsolatedModule module;
    private CallTree tree;
    private CallTree.KernelCall call;

    void set(Mode mode, IsolatedModule module, CallTree tree, CallTree.KernelCall call) {
        this.mode = mode;
        this.module = module;
        this.tree = tree;
        this.call = call;
    }

    Mode mode() {
        return mode;
    }

    /** The isolated module whose writes are checked now, or null in {@link Mode#KERNEL}. */
    IsolatedModule module() {
        return module;
    }

    /** The kernel call the running kernel code works in, for {@link Mode#HELPER} and {@link Mode#ON_BEHALF}. */
    CallTree.KernelCall call() {
        return call;
    }

    /** Where the kernel called the driver from on the running task (see {@link CallTree#kernelCaller}), or 0. */
    long kernelCaller(IsolatedModule driver) {
        return tree == null ? 0 : tree.kernelCaller(driver);
    }

    /** The innermost call of the kernel into the driver on the running task, or null. */
    CallTree.Activation activation() {
        return tree == null ? null : tree.activation();
    }
}
