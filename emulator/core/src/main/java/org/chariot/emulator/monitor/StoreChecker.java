package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;
import org.chariot.emulator.symbols.KernelSymbols;
import org.chariot.emulator.symbols.SymbolOffset;

/**
 * The write check, as the MMU's store observer: while a driver runs, its stores to kernel pages
 * that its ACT does not wholly grant come here; a store outside its grants and its own stack
 * frames is a violation, decided by the policy. Other stores never reach it.
 */
final class StoreChecker implements StoreObserver {

    private static final int RA = 1, SP = 2;
    /** Saved return addresses remembered at most; forgetting old ones only loses detections. */
    private static final int MAX_SAVED_RETURN_ADDRESSES = 4096;

    private final Hart hart;
    private final DebugAccess guest;
    private final KernelSymbols kernel;
    private final DriverContext context;
    private final WriteClassifier classifier;
    private final Policy policy;
    private final MonitorEvents events;
    private long violations;
    /**
     * Where the driver's prologues saved return addresses in its own frames, with the stack pointer
     * of the frame: only the instruction that saved one may write its slot while that frame lives.
     */
    private final Map<Long, Long> savedReturnAddresses = new HashMap<>();

    StoreChecker(Hart hart, KernelSymbols kernel, DriverContext context, WriteClassifier classifier, Policy policy,
            MonitorEvents events) {
        this.hart = hart;
        this.guest = hart.debug();
        this.kernel = kernel;
        this.context = context;
        this.classifier = classifier;
        this.policy = policy;
        this.events = events;
    }

    long violations() {
        return violations;
    }

    @Override
    public boolean interested(long virtualPage, long physicalPage) {
        return context.checksWrites() && isKernelAddress(virtualPage)
                && context.running().act().pageAccess(virtualPage) != AccessControlTable.PageAccess.ALL;
    }

    /** Kernel addresses are the upper half of Sv39; the lower half is user memory, which uaccess code writes. */
    private static boolean isKernelAddress(long address) {
        return address < 0;
    }

    @Override
    public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
        if (!context.checksWrites() || !isKernelAddress(virtualAddress)) {
            return StoreDecision.COMMIT;
        }
        IsolatedModule module = context.running();
        if (inOwnFrames(virtualAddress, size) ? !smashesReturnAddress(virtualAddress, size, value)
                : module.act().allows(virtualAddress, size) || isDeviceMemory(virtualAddress)) {
            return StoreDecision.COMMIT;
        }
        violations++;
        events.violation(violation(module, virtualAddress, size, value));
        return policy.decision();
    }

    /** A store to the driver's own frames: records a prologue's save of ra, or says it overwrites a live one. */
    private boolean smashesReturnAddress(long address, int size, long value) {
        long sp = hart.x(SP);
        if (size == Long.BYTES && value == hart.x(RA) && StoreDisassembler.savesReturnAddress(instructionAt(hart.pc()))) {
            forgetFramesFrom(sp);
            if (savedReturnAddresses.size() == MAX_SAVED_RETURN_ADDRESSES) {
                savedReturnAddresses.clear();
            }
            savedReturnAddresses.put(address, sp);
            return false;
        }
        for (long slot = address & -Long.BYTES; Long.compareUnsigned(slot, address + size) < 0; slot += Long.BYTES) {
            Long frame = savedReturnAddresses.get(slot);
            if (frame != null && frame == sp) {
                return true;
            }
        }
        return false;
    }

    /**
     * A new frame at {@code sp} means every frame at or below {@code sp} on that stack has returned:
     * their slots are plain stack again, which the new frame may use for its locals.
     */
    private void forgetFramesFrom(long sp) {
        long stack = sp & -WriteClassifier.THREAD_SIZE;
        savedReturnAddresses.values().removeIf(frame -> (frame & -WriteClassifier.THREAD_SIZE) == stack
                && Long.compareUnsigned(frame, sp) <= 0);
    }

    /**
     * Device registers (the driver's ioremapped MMIO): keeping a driver to its own device is an
     * IOMMU's job, not the ACT's. The debugger's reads refuse exactly what is not RAM.
     */
    private boolean isDeviceMemory(long address) {
        try {
            guest.readMemory(address, 1);
            return false;
        } catch (MemoryFault e) {
            return true;
        }
    }

    /** The driver's own frames: below the stack pointer it was entered with, on the same kernel stack. */
    private boolean inOwnFrames(long address, int size) {
        long entrySp = entrySp();
        long stackBase = (entrySp - 1) & -WriteClassifier.THREAD_SIZE;
        return Long.compareUnsigned(address, stackBase) >= 0 && Long.compareUnsigned(address + size, entrySp) <= 0;
    }

    private long entrySp() {
        DriverContext.Activation activation = context.activation();
        return activation != null ? activation.entrySp() : hart.x(SP);
    }

    private Violation violation(IsolatedModule module, long address, int size, long value) {
        long pc = hart.pc();
        WriteClassifier.Hit hit = classifier.classify(module, address, hart.x(SP), entrySp());
        DriverContext.HelperCall helper = context.helper();
        List<Frame> stack = new ArrayList<>(frames(module, pc));
        if (helper != null) {
            stack.add(helper.callSite());
        } else if (callsOtherFunction(module, pc, hart.x(RA))) {
            stack.addAll(frames(module, hart.x(RA) - 1));
        }
        DriverContext.Activation activation = context.activation();
        if (activation != null) {
            stack.add(frames(module, activation.returnPc()).getFirst());
        }
        Frame source = helper != null ? helper.callSite() : module.driverLine(pc);
        byte[] written = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        return new Violation(violations, module.name(), pc, StoreDisassembler.disassemble(instructionAt(pc)), address,
                size, Arrays.copyOf(written, size), read(address, size), hit.kind(), hit.target(), hit.nearestObject(),
                stack, source, policy.verdict());
    }

    /**
     * Whether {@code ra} still names the caller of {@code pc}'s function: once that function has
     * called something, {@code ra} points back into the function itself and names no caller.
     */
    private static boolean callsOtherFunction(IsolatedModule module, long pc, long ra) {
        List<Frame> at = module.frames(pc);
        List<Frame> from = module.frames(ra - 1);
        return !from.isEmpty() && !at.isEmpty() && !at.getLast().function().equals(from.getLast().function());
    }

    /** {@code pc}'s frames: the driver's lines, or the kernel function's name. */
    private List<Frame> frames(IsolatedModule module, long pc) {
        List<Frame> inModule = module.frames(pc);
        return inModule.isEmpty()
                ? List.of(new Frame(pc, kernel.symbolAt(pc).map(SymbolOffset::shortForm).orElse("??"), null, 0))
                : inModule;
    }

    private int instructionAt(long pc) {
        byte[] low = read(pc, 2);
        int bits = (low[0] & 0xff) | (low[1] & 0xff) << 8;
        if ((bits & 3) != 3) {
            return bits;
        }
        byte[] high = read(pc + 2, 2);
        return bits | ((high[0] & 0xff) | (high[1] & 0xff) << 8) << 16;
    }

    /** Guest bytes for a report; an address the hart just translated is readable, else the report shows none. */
    private byte[] read(long address, int length) {
        try {
            return guest.readMemory(address, length);
        } catch (MemoryFault e) {
            return new byte[length];
        }
    }
}
