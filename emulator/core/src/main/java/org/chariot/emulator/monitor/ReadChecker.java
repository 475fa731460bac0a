package org.chariot.emulator.monitor;

import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.Hart;
import org.chariot.emulator.mmu.LoadObserver;

/**
 * The read check ({@code --check reads}), as the MMU's load observer while the driver or a helper
 * it called runs: a read of the guard around one of the driver's heap objects (past its end or
 * before its start, where SLUB's redzones lie) or of an object it lately freed is reported with the
 * same report as a write, as KASAN reports them. A read is never stopped. Only pages holding such
 * guards or freed objects are checked; every other load stays on the fast path.
 */
final class ReadChecker implements LoadObserver {

    private static final int RA = 1;

    private final Hart hart;
    private final DebugAccess guest;
    private final DriverContext context;
    private final WriteClassifier classifier;
    private final CallStacks stacks;
    private final ViolationLog log;

    ReadChecker(Hart hart, DriverContext context, WriteClassifier classifier, CallStacks stacks, ViolationLog log) {
        this.hart = hart;
        this.guest = hart.debug();
        this.context = context;
        this.classifier = classifier;
        this.stacks = stacks;
        this.log = log;
    }

    @Override
    public boolean interested(long virtualPage, long physicalPage) {
        IsolatedModule module = context.module();
        return module != null && (module.act().guardsPage(virtualPage) || module.freedOnPage(virtualPage));
    }

    @Override
    public void beforeLoad(long virtualAddress, int size) {
        IsolatedModule module = context.module();
        if (module == null || module.act().allows(virtualAddress, size)) {
            return;
        }
        Optional<WriteClassifier.Hit> hit = module.freedObjectContaining(virtualAddress)
                .map(freed -> new WriteClassifier.Hit(ViolationKind.USE_AFTER_FREE_READ, String.format(
                        "offset %d in freed %s", virtualAddress - freed.start(), freed.describe()), freed))
                .or(() -> module.act().guardAt(virtualAddress, size).map(guard -> {
                    WriteClassifier.Hit overrun = classifier.overrun(guard.object(), virtualAddress);
                    return new WriteClassifier.Hit(ViolationKind.OUT_OF_BOUNDS_READ, overrun.target(), guard.object());
                }));
        hit.ifPresent(found -> log.recordRead(id -> violation(id, module, virtualAddress, size, found)));
    }

    private Violation violation(long id, IsolatedModule module, long address, int size, WriteClassifier.Hit hit) {
        long pc = hart.pc();
        CallTree.KernelCall call = context.call();
        Frame callSite = call != null ? call.callSite() : null;
        Frame source = callSite != null ? callSite : module.driverLine(pc);
        byte[] read = GuestBytes.read(guest, address, size);
        return new Violation(id, module.name(), pc, AccessDisassembler.disassemble(GuestBytes.instructionAt(guest, pc)),
                address, size, read, read, hit.kind(), hit.target(), hit.nearestObject(),
                stacks.of(module, pc, hart.x(RA), callSite), source, log.readVerdict());
    }
}
