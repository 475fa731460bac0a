package org.chariot.emulator.sbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chariot.emulator.cpu.EnvironmentCallHandler;
import org.chariot.emulator.cpu.HartRegisters;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.cpu.TimeSource;
import org.chariot.emulator.devices.HostConsole;
import org.chariot.emulator.devices.PowerControl;
import org.chariot.emulator.mmu.Privilege;

/** The supervisor binary interface, in Java: dispatches an {@code ecall} from S-mode to its extension. */
public final class Sbi implements EnvironmentCallHandler {


    private final Map<Long, SbiExtension> extensions = new LinkedHashMap<>();

    /** The full SBI of Chariot's machine: TIME, IPI, RFENCE, SRST, HSM and the legacy calls. */
    public static Sbi standard(TimeSource time, InterruptTarget interrupts, HostConsole console, PowerControl power) {
        return new Sbi(List.of(new TimerExtension(time, interrupts), new IpiExtension(interrupts),
                new RfenceExtension(), new SystemResetExtension(power), new HartStateExtension(),
                new LegacySetTimer(time, interrupts), new LegacyConsolePutchar(console),
                new LegacyConsoleGetchar(console), new LegacyShutdown(power)));
    }

    /** The given extensions plus the base extension, which answers probes about them. */
    public Sbi(List<SbiExtension> available) {
        for (SbiExtension extension : available) {
            extensions.put(extension.id(), extension);
        }
        BaseExtension base = new BaseExtension(this::probe);
        extensions.put(base.id(), base);
    }

    @Override
    public boolean handle(HartRegisters hart) {
        if (hart.privilege() != Privilege.SUPERVISOR) {
            return false; // only the kernel talks to the SBI; U-mode ecalls trap as usual
        }
        SbiExtension extension = extensions.get(hart.x(RegisterNames.A7));
        SbiResult result = extension == null
                ? SbiResult.error(SbiResult.NOT_SUPPORTED)
                : extension.call((int) hart.x(RegisterNames.A6), hart);
        hart.setX(RegisterNames.A0, result.error());
        hart.setX(RegisterNames.A1, result.value());
        return true;
    }

    private long probe(long extensionId) {
        SbiExtension extension = extensions.get(extensionId);
        return extension == null ? 0 : extension.probe();
    }
}
