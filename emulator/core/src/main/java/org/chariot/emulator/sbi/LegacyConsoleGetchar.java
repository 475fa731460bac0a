package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.devices.HostConsole;

/** Legacy SBI v0.1 console_getchar (extension 0x02): the next input byte, or -1 if none. */
public final class LegacyConsoleGetchar implements SbiExtension {

    private final HostConsole console;

    public LegacyConsoleGetchar(HostConsole console) {
        this.console = console;
    }

    @Override
    public long id() {
        return 0x02;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        return SbiResult.legacy(console.poll());
    }
}
