package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTranscriptTest {

    private static ConsoleTranscript transcriptOf(String... lines) {
        ConsoleTranscript transcript = new ConsoleTranscript();
        List.of(lines).forEach(transcript::console);
        return transcript;
    }

    @Test
    void allStepsPassingIsOk() {
        RunResult result = transcriptOf("[    0.5] Run /init as init process", "@chariot boot",
                "@chariot load hello ok", "[    0.6] hello: hello, world", "@chariot unload hello ok",
                "@chariot done 0").verdict(GuestExit.stopped("QEMU exited"));
        assertEquals(ExitStatus.OK, result.status());
    }

    @Test
    void aModuleThatFailsToLoadIsNamedWithItsError() {
        RunResult result = transcriptOf("@chariot boot", "@chariot load broken error 19 ENODEV", "@chariot done 1")
                .verdict(GuestExit.stopped("QEMU exited"));
        assertEquals(ExitStatus.DRIVER_FAILED, result.status());
        assertEquals("loading module broken failed: ENODEV (19)", result.message());
    }

    @Test
    void aFailingExerciseIsReported() {
        RunResult result = transcriptOf("@chariot boot", "@chariot load chardev ok", "@chariot exercise start /chariot/exercise",
                "@chariot exercise exit 3", "@chariot unload chardev ok", "@chariot done 1")
                .verdict(GuestExit.stopped("QEMU exited"));
        assertEquals(ExitStatus.DRIVER_FAILED, result.status());
        assertEquals("the exercise program exited with status 3", result.message());
    }

    @Test
    void aPanicWinsOverEverythingAndShowsTheLastLines() {
        RunResult result = transcriptOf("@chariot boot", "[    1.0] Kernel panic - not syncing: chariot test panic",
                "[    1.0] ---[ end Kernel panic - not syncing: chariot test panic ]---")
                .verdict(GuestExit.stopped("QEMU exited"));
        assertEquals(ExitStatus.GUEST_PANIC, result.status());
        assertEquals("the guest kernel panicked: Kernel panic - not syncing: chariot test panic", result.message());
        assertTrue(result.evidence().get(result.evidence().size() - 1).contains("end Kernel panic"));
    }

    @Test
    void aTimeOutSaysWhetherInitHadStarted() {
        assertTrue(transcriptOf("OpenSBI").verdict(GuestExit.timedOut("stopped after 5 s")).message()
                .endsWith("before the guest's init started"));
        RunResult late = transcriptOf("@chariot boot").verdict(GuestExit.timedOut("stopped after 5 s"));
        assertEquals(ExitStatus.TIMEOUT, late.status());
        assertTrue(late.message().contains("raise --timeout"));
    }

    @Test
    void aMachineThatStopsBeforeInitFinishesHasFailed() {
        RunResult result = transcriptOf("@chariot boot", "@chariot load hello ok").verdict(GuestExit.stopped("QEMU exited"));
        assertEquals(ExitStatus.MACHINE_FAILED, result.status());
    }

    @Test
    void stepReportsAreFoundAfterInterleavedKernelOutput() {
        ConsoleTranscript transcript = transcriptOf("[    2.1] random: crng init done@chariot done 0");
        assertEquals(0, transcript.doneStatus().orElseThrow());
    }
}
