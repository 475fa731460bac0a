package org.chariot.emulator.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelModuleTest {

    @TempDir
    Path dir;

    private static byte[] elfHeader(int type, int machine) {
        byte[] header = new byte[64];
        header[0] = 0x7f;
        header[1] = 'E';
        header[2] = 'L';
        header[3] = 'F';
        header[4] = 2;
        header[5] = 1;
        header[16] = (byte) type;
        header[18] = (byte) machine;
        return header;
    }

    @Test
    void aRiscvRelocatableIsAModuleNamedAsKbuildDoes() throws Exception {
        Path ko = Files.write(dir.resolve("my-driver.ko"), elfHeader(1, 243));
        assertEquals("my_driver", KernelModule.of(ko).name());
    }

    @Test
    void rejectsWhatIsNotARiscvModuleSayingHowToRebuild() throws Exception {
        Path x86 = Files.write(dir.resolve("x86.ko"), elfHeader(1, 62));
        GuestToolException error = assertThrows(GuestToolException.class, () -> KernelModule.of(x86));
        assertTrue(error.getMessage().contains("make -C"));
        Path executable = Files.write(dir.resolve("exec.ko"), elfHeader(2, 243));
        assertThrows(GuestToolException.class, () -> KernelModule.of(executable));
        Path text = Files.writeString(dir.resolve("text.ko"), "not an ELF");
        assertThrows(GuestToolException.class, () -> KernelModule.of(text));
        Path truncated = Files.write(dir.resolve("short.ko"), new byte[] {0x7f, 'E'});
        assertThrows(GuestToolException.class, () -> KernelModule.of(truncated));
        Path wrongName = Files.write(dir.resolve("module.o"), elfHeader(1, 243));
        assertThrows(GuestToolException.class, () -> KernelModule.of(wrongName));
    }
}
