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

    private final DebugAccess guest;
    private final DriverContext context;
    private final WriteClassifier classifier;
    private final AccessViolations violations;
    private final ViolationLog log;

    ReadChecker(Hart hart, DriverContext context, WriteClassifier classifier, AccessViolations violations,
            ViolationLog log) {
        this.guest = hart.debug();
        this.context = context;
        this.classifier = classifier;
        this.violations = violations;
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
        hit.ifPresent(found -> log.recordRead(id -> {
            byte[] read = GuestBytes.read(guest, virtualAddress, size);
            return violations.of(id, module, virtualAddress, size, read, read, found, log.readVerdict());
        }));
    }
}
