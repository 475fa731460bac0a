package org.chariot.emulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.KernelModule;
import org.junit.jupiter.api.Test;

class KernelCommandLineTest {

    private static final KernelModule HELLO = new KernelModule(Path.of("/tmp/hello.ko"), "hello");
    private static final KernelModule OTHER = new KernelModule(Path.of("/tmp/other-mod.ko"), "other_mod");

    @Test
    void namesTheModulesInOrderAndQualifiesTheOnlyModulesParameters() throws Exception {
        String line = KernelCommandLine.of(List.of(), List.of(HELLO), List.of("whom=chariot", "greeting=good day"),
                false, List.of(), List.of("loglevel=8"));
        assertEquals("console=ttyS0 earlycon panic=-1 chariot.modules=hello hello.whom=chariot "
                + "hello.greeting=\"good day\" loglevel=8", line);
    }

    @Test
    void withSeveralModulesAParameterMustSayWhichModule() throws Exception {
        GuestToolException error = assertThrows(GuestToolException.class, () -> KernelCommandLine.of(List.of(),
                List.of(HELLO, OTHER), List.of("whom=x"), false, List.of(), List.of()));
        assertTrue(error.getMessage().contains("module.name=value"));
        String line = KernelCommandLine.of(List.of(), List.of(HELLO, OTHER), List.of("other_mod.size=8"), false,
                List.of(), List.of());
        assertTrue(line.contains("chariot.modules=hello,other_mod other_mod.size=8"));
    }

    @Test
    void dependenciesLoadFirstAndLeaveTheOnlyDriversParametersUnambiguous() throws Exception {
        String line = KernelCommandLine.of(List.of(OTHER), List.of(HELLO), List.of("whom=x", "other_mod.size=8"), false,
                List.of(), List.of());
        assertTrue(line.contains("chariot.modules=other_mod,hello hello.whom=x other_mod.size=8"), line);
    }

    @Test
    void rejectsParametersForModulesNotLoadedAndMalformedOnes() {
        assertThrows(GuestToolException.class,
                () -> KernelCommandLine.of(List.of(), List.of(HELLO), List.of("nosuch.x=1"), false, List.of(), List.of()));
        assertThrows(GuestToolException.class,
                () -> KernelCommandLine.of(List.of(), List.of(HELLO), List.of("novalue"), false, List.of(), List.of()));
        assertThrows(GuestToolException.class, () -> KernelCommandLine.of(List.of(), List.of(HELLO),
                List.of("whom=\"quoted\""), false, List.of(), List.of()));
    }

    @Test
    void namesTheExerciseAndItsArguments() throws Exception {
        String line = KernelCommandLine.of(List.of(), List.of(), List.of(), true, List.of("-n", "3"), List.of());
        assertTrue(line.endsWith("chariot.exercise=/chariot/exercise chariot.exercise_args=-n,3"));
    }
}
