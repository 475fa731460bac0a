package org.chariot.emulator.monitor;

/** A violation as the console shows it, in the manner of a KASAN report. */
public final class ViolationReport {

    private static final String RULE = "==================================================================";

    private ViolationReport() {
    }

    /** One line: number, kind, where in the source, what was written or freed, and what was done. */
    public static String oneLine(Violation v) {
        Frame where = v.source() != null && v.source().hasSource() ? v.source() : v.stack().getFirst();
        String what = switch (v.kind().access()) {
            case FREE -> String.format("free of 0x%x", v.addr());
            case WRITE -> String.format("write of %d at 0x%x", v.size(), v.addr());
            case READ -> String.format("read of %d at 0x%x", v.size(), v.addr());
            case DMA -> String.format("device write of %d at 0x%x", v.size(), v.addr());
        };
        return String.format("#%d %s in %s: %s by %s, %s; target %s", v.id(), v.kind().jsonName(), where, what,
                v.insn(), v.verdict(), v.target());
    }

    public static String format(Violation v) {
        StringBuilder text = new StringBuilder(RULE).append('\n');
        text.append(String.format("BUG: Chariot: %s in %s%n", v.kind().jsonName(),
                v.source() != null ? v.source().function() : v.stack().getFirst().function()));
        switch (v.kind().access()) {
            case FREE -> {
                text.append(String.format("Free of addr 0x%x by module %s (%s)%n", v.addr(), v.module(), v.verdict()));
                text.append(String.format("Free function: %s, entered at 0x%x%n", v.insn().replaceFirst("^call ", ""),
                        v.pc()));
            }
            case WRITE -> {
                text.append(String.format("Write of size %d at addr 0x%x by module %s: value %s, was %s (%s)%n",
                        v.size(), v.addr(), v.module(), Violation.bytes(v.value()), Violation.bytes(v.old()),
                        v.verdict()));
                text.append(String.format("Store instruction: %s at 0x%x%n", v.insn(), v.pc()));
            }
            case READ -> {
                text.append(String.format("Read of size %d at addr 0x%x by module %s: value %s (%s)%n", v.size(),
                        v.addr(), v.module(), Violation.bytes(v.value()), v.verdict()));
                text.append(String.format("Load instruction: %s at 0x%x%n", v.insn(), v.pc()));
            }
            case DMA -> {
                text.append(String.format("DMA write of size %d at addr 0x%x, %s programmed by module %s: value %s..., "
                        + "was %s... (%s)%n", v.size(), v.addr(), v.insn().replaceFirst("^dma by ", "the device "),
                        v.module(), Violation.bytes(v.value()), Violation.bytes(v.old()), v.verdict()));
                text.append(String.format("Last programmed by the store at 0x%x%n", v.pc()));
            }
        }
        if (v.source() != null && v.source().hasSource()) {
            text.append(String.format("Source: %s:%d %s%n", v.source().file(), v.source().line(), v.source().function()));
        } else {
            text.append(String.format("Source: unknown: module %s has no line information for this code (is its .ko "
                    + "stripped of debug info?); its code is named by symbol+offset%n", v.module()));
        }
        text.append("Target: ").append(v.target()).append('\n');
        if (v.alloc() != null) {
            text.append("Nearest object: ").append(v.alloc().describe());
            if (v.alloc().site() != null) {
                text.append(", allocated by ").append(v.alloc().site());
            }
            text.append('\n');
        }
        text.append("Call trace:\n");
        for (Frame frame : v.stack()) {
            text.append("  ").append(frame).append('\n');
        }
        return text.append(RULE).append('\n').toString();
    }
}
