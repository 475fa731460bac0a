package org.chariot.emulator.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.chariot.emulator.guest.GuestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addresses of the kernel as {@code symbol+offset/size}, from a System.map. */
class KernelSymbolsTest {

    @TempDir
    Path work;

    private KernelSymbols map(String... lines) throws IOException {
        return KernelSymbols.load(Files.write(work.resolve("System.map"), List.of(lines)));
    }

    @Test
    void addressInsideASymbolIsItsNamePlusOffsetWithTheDistanceToTheNextAsSize() throws IOException {
        KernelSymbols symbols = map("ffffffff80000000 T _start", "ffffffff80001000 T kfree", "",
                "ffffffff800011a0 t helper", "ffffffff80002000 B _end");
        SymbolOffset at = symbols.symbolAt(0xffffffff80001004L).orElseThrow();
        assertEquals("kfree+0x4", at.shortForm());
        assertEquals("kfree+0x4/0x1a0", at.toString());
        assertEquals(0xffffffff800011a0L, symbols.address("helper").getAsLong());
    }

    @Test
    void addressesOutsideTheImageHaveNoSymbol() throws IOException {
        KernelSymbols symbols = map("ffffffff80000000 T _start", "ffffffff80002000 B _end");
        assertEquals(Optional.empty(), symbols.symbolAt(0xffffffff7fffffffL));
        assertEquals(Optional.empty(), symbols.symbolAt(0xffffffff80002000L));
        assertEquals(Optional.empty(), symbols.symbolAt(0x1000));
    }

    @Test
    void absoluteSymbolsAreNotPlacesInTheKernel() throws IOException {
        KernelSymbols symbols = map("0000000000000400 A __abs_constant", "ffffffff80000000 T _start",
                "ffffffff80002000 B _end");
        assertTrue(symbols.address("__abs_constant").isEmpty());
        assertEquals(Optional.empty(), symbols.symbolAt(0x404));
    }

    @Test
    void malformedLineIsNamedWithItsNumber() {
        IOException e = assertThrows(IOException.class, () -> map("ffffffff80000000 T _start", "garbage"));
        assertTrue(e.getMessage().contains("line 2 is not 'address type name': 'garbage'"), e.getMessage());
    }

    @Test
    void theKitsKernelAgreesWithItsOwnSymbolTable() throws Exception {
        GuestKit kit = TestEnvironment.openKit();
        KernelSymbols symbols = KernelSymbols.load(kit.systemMap());
        long kfree = symbols.address("kfree").orElseThrow();
        assertEquals("kfree+0x4", symbols.symbolAt(kfree + 4).orElseThrow().shortForm());
        ElfFile vmlinux = ElfFile.read(kit.vmlinux());
        ElfSymbol inElf = vmlinux.symbols().stream().filter(s -> s.name().equals("kfree")).findFirst().orElseThrow();
        assertEquals(inElf.value(), kfree);
        assertTrue(symbols.symbolAt(kfree).orElseThrow().size() >= inElf.size(),
                "the distance to the next symbol covers the function's own size");
    }
}
