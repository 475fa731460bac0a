package org.chariot.emulator.sbi;

import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.devices.HostConsole;

/** Legacy SBI v0.1 console_putchar (extension 0x01): what {@code earlycon=sbi} and hvc0 print with. */
public final class LegacyConsolePutchar implements SbiExtension {

    private final HostConsole console;

    public LegacyConsolePutchar(HostConsole console) {
        this.console = console;
    }

    @Override
    public long id() {
        return 0x01;
    }

    @Override
    public SbiResult call(int function, HartRegisters hart) {
        console.write((int) hart.x(RegisterNames.A0) & 0xff);
        return SbiResult.legacy(0);
    }
}
