package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.mmu.MemoryFault;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;

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
    private final DriverContext context;
    private final WriteClassifier classifier;
    private final CallStacks stacks;
    private final ViolationLog log;
    /**
     * Where the driver's prologues saved return addresses in its own frames, with the stack pointer
     * of the frame: only the instruction that saved one may write its slot while that frame lives.
     */
    private final Map<Long, Long> savedReturnAddresses = new HashMap<>();

    StoreChecker(Hart hart, DriverContext context, WriteClassifier classifier, CallStacks stacks, ViolationLog log) {
        this.hart = hart;
        this.guest = hart.debug();
        this.context = context;
        this.classifier = classifier;
        this.stacks = stacks;
        this.log = log;
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
        return log.record(id -> violation(id, module, virtualAddress, size, value));
    }

    /** A store to the driver's own frames: records a prologue's save of ra, or says it overwrites a live one. */
    private boolean smashesReturnAddress(long address, int size, long value) {
        long sp = hart.x(SP);
        if (size == Long.BYTES && value == hart.x(RA)
                && StoreDisassembler.savesReturnAddress(GuestBytes.instructionAt(guest, hart.pc()))) {
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

    private Violation violation(long id, IsolatedModule module, long address, int size, long value) {
        long pc = hart.pc();
        WriteClassifier.Hit hit = classifier.classify(module, address, hart.x(SP), entrySp());
        DriverContext.HelperCall helper = context.helper();
        Frame callSite = helper != null ? helper.callSite() : null;
        Frame source = callSite != null ? callSite : module.driverLine(pc);
        byte[] written = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        return new Violation(id, module.name(), pc, StoreDisassembler.disassemble(GuestBytes.instructionAt(guest, pc)),
                address, size, Arrays.copyOf(written, size), GuestBytes.read(guest, address, size), hit.kind(),
                hit.target(), hit.nearestObject(), stacks.of(module, pc, hart.x(RA), callSite), source, log.verdict());
    }
}
