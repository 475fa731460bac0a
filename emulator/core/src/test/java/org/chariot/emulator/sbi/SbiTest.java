package org.chariot.emulator.sbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chariot.emulator.cpu.Csr;
import org.chariot.emulator.cpu.InterruptTarget;
import org.chariot.emulator.cpu.RegisterNames;
import org.chariot.emulator.cpu.TimeSource;
import org.chariot.emulator.devices.HostConsole;
import org.chariot.emulator.devices.RecordingPower;
import org.junit.jupiter.api.Test;

class SbiTest {

    private final RecordingPower power = new RecordingPower();
    private final long[] pending = new long[1];
    private final InterruptTarget interrupts = (bit, value) ->
            pending[0] = value ? pending[0] | 1L << bit : pending[0] & ~(1L << bit);
    private final TimeSource time = new TimeSource() {
        @Override
        public long frequency() {
            return 10_000_000;
        }

        @Override
        public long now() {
            return 1000;
        }
    };
    private final ByteArrayOutputStream consoleOutput = new ByteArrayOutputStream();
    private final HostConsole console = new HostConsole(null, consoleOutput);
    private final Sbi sbi = Sbi.standard(time, interrupts, console, power);
    private final FakeHart hart = new FakeHart();

    private FakeHart call(long extension, int function, long... arguments) {
        hart.call(extension, function, arguments);
        assertTrue(sbi.handle(hart));
        return hart;
    }

    @Test
    void baseReportsVersionAndProbesExtensions() {
        assertEquals(1L << 24, call(BaseExtension.ID, 0).x(RegisterNames.A1));
        assertEquals(0, hart.x(RegisterNames.A0));
        assertEquals(1, call(BaseExtension.ID, 3, TimerExtension.ID).x(RegisterNames.A1));
        assertEquals(1, call(BaseExtension.ID, 3, SystemResetExtension.ID).x(RegisterNames.A1));
        assertEquals(0, call(BaseExtension.ID, 3, 0x4442434eL).x(RegisterNames.A1), "DBCN is not implemented");
        hart.setCsr(Csr.MARCHID, 42);
        assertEquals(42, call(BaseExtension.ID, 5).x(RegisterNames.A1), "marchid comes from the hart");
    }

    @Test
    void unknownExtensionIsNotSupported() {
        assertEquals(SbiResult.NOT_SUPPORTED, call(0x1234_5678L, 0).x(RegisterNames.A0));
    }

    @Test
    void callsFromOtherModesAreLeftToTheTrapHandler() {
        hart.privilege = 0;
        hart.call(BaseExtension.ID, 0);
        assertFalse(sbi.handle(hart));
    }

    @Test
    void setTimerWritesStimecmpAndWithdrawsAPendingTimerInterrupt() {
        interrupts.setPending(InterruptTarget.STIP, true);
        call(TimerExtension.ID, 0, 5000);
        assertEquals(5000, hart.csr(Csr.STIMECMP));
        assertEquals(0, pending[0] & 1L << InterruptTarget.STIP);
        assertEquals(0, hart.x(RegisterNames.A0));

        interrupts.setPending(InterruptTarget.STIP, true);
        call(0x00, 0, 10);
        assertEquals(10, hart.csr(Csr.STIMECMP));
        assertTrue((pending[0] & 1L << InterruptTarget.STIP) != 0, "a past deadline leaves STIP to the hart");
    }

    @Test
    void ipiToHartZeroRaisesSupervisorSoftwareInterrupt() {
        call(IpiExtension.ID, 0, 1, 0);
        assertTrue((pending[0] & 1L << InterruptTarget.SSIP) != 0);
        assertEquals(SbiResult.INVALID_PARAM, call(IpiExtension.ID, 0, 1, 1).x(RegisterNames.A0), "there is no hart 1");
    }

    @Test
    void rfenceSucceedsForThisHartOnly() {
        assertEquals(0, call(RfenceExtension.ID, 1, 1, 0, 0, -1L).x(RegisterNames.A0));
        assertEquals(0, call(RfenceExtension.ID, 0, 0, -1L).x(RegisterNames.A0));
        assertEquals(SbiResult.NOT_SUPPORTED, call(RfenceExtension.ID, 3, 1, 0).x(RegisterNames.A0));
    }

    @Test
    void systemResetPowersOffOrReboots() {
        call(SystemResetExtension.ID, 0, 0, 0);
        call(SystemResetExtension.ID, 0, 0, 1);
        call(SystemResetExtension.ID, 0, 1, 0);
        assertEquals(SbiResult.INVALID_PARAM, call(SystemResetExtension.ID, 0, 7, 0).x(RegisterNames.A0));
        call(0x08, 0);
        assertEquals(List.of("off 0", "off 1", "reboot", "off 0"), power.requests());
    }

    @Test
    void hartZeroIsAlwaysStarted() {
        assertEquals(HartStateExtension.STARTED, call(HartStateExtension.ID, 2, 0).x(RegisterNames.A1));
        assertEquals(SbiResult.INVALID_PARAM, call(HartStateExtension.ID, 2, 1).x(RegisterNames.A0));
        assertEquals(SbiResult.ALREADY_AVAILABLE, call(HartStateExtension.ID, 0, 0).x(RegisterNames.A0));
    }

    @Test
    void legacyConsoleWritesAndReadsTheHostConsole() throws InterruptedException {
        call(0x01, 0, 'o');
        call(0x01, 0, 'k');
        assertEquals("ok", consoleOutput.toString(StandardCharsets.US_ASCII));
        assertEquals(-1, call(0x02, 0).x(RegisterNames.A0));
        console.offer('y');
        assertEquals('y', call(0x02, 0).x(RegisterNames.A0));
    }
}
