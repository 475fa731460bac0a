package org.chariot.emulator.monitor;

import java.util.ArrayList;
import java.util.List;
import org.chariot.emulator.symbols.KernelSymbols;
import org.chariot.emulator.symbols.SymbolOffset;

/**
 * The call stack of a report, innermost first: the code at the pc, the driver's line that called
 * it, and where the kernel called the driver.
 */
final class CallStacks {

    private final KernelSymbols kernel;
    private final DriverContext context;

    CallStacks(KernelSymbols kernel, DriverContext context) {
        this.kernel = kernel;
        this.context = context;
    }

    /**
     * @param callSite the driver's line that called the kernel function at {@code pc} (a helper,
     *     a free), or null when {@code pc} is the driver's own code and {@code ra} may name its caller
     */
    List<Frame> of(IsolatedModule module, long pc, long ra, Frame callSite) {
        List<Frame> stack = new ArrayList<>(frames(module, pc));
        if (callSite != null) {
            stack.add(callSite);
        } else if (callsOtherFunction(module, pc, ra)) {
            stack.addAll(frames(module, ra - 1));
        }
        long caller = context.kernelCaller(module);
        if (caller != 0) {
            stack.add(frames(module, caller).getFirst());
        }
        return stack;
    }

    /**
     * Whether {@code ra} still names the caller of {@code pc}'s function: once that function has
     * called something, {@code ra} points back into the function itself and names no caller.
     */
    private static boolean callsOtherFunction(IsolatedModule module, long pc, long ra) {
        String at = module.functionAt(pc);
        String from = module.functionAt(ra - 1);
        return at != null && from != null && !at.equals(from);
    }

    /** {@code pc}'s frames: the driver's lines, or the kernel function's name. */
    private List<Frame> frames(IsolatedModule module, long pc) {
        List<Frame> inModule = module.frames(pc);
        return inModule.isEmpty()
                ? List.of(new Frame(pc, kernel.symbolAt(pc).map(SymbolOffset::shortForm).orElse("??"), null, 0))
                : inModule;
    }
}
