package org.chariot.emulator.gdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.chariot.emulator.guest.LoadedModules;

/**
 * Relinks a driver's {@code .ko} at the addresses the guest kernel gave its sections, into an ELF
 * that GDB (and addr2line) read with correct source lines: gdb-multiarch places the lines of a
 * relocatable {@code .ko} wrongly even with {@code add-symbol-file -s} per section. A generated
 * linker script puts each allocated input section at its runtime address; references to kernel
 * symbols stay unresolved, which does not matter for debug information.
 */
final class ModuleRelinker {

    static final String LINKER = "riscv64-linux-gnu-ld";
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_.$]+");
    /** The kernel's own copies of the symbol tables, which are not sections of the object. */
    private static final List<String> KERNEL_COPIES = List.of(".symtab", ".strtab");

    private final Path directory;

    ModuleRelinker(Path directory) {
        this.directory = directory;
    }

    /** Links {@code ko} at {@code module}'s section addresses; returns the ELF's path. */
    Path relink(LoadedModules.Module module, Path ko) throws IOException {
        Path script = directory.resolve(module.name() + ".at.ld");
        Path elf = directory.resolve(module.name() + ".at.elf");
        Files.writeString(script, linkerScript(module));
        run(List.of(LINKER, "--noinhibit-exec", "--unresolved-symbols=ignore-all", "-e", "0", "--no-relax",
                "-T", script.toString(), ko.toString(), "-o", elf.toString()), elf);
        return elf;
    }

    static String linkerScript(LoadedModules.Module module) {
        StringBuilder script = new StringBuilder("SECTIONS {\n");
        for (LoadedModules.Section section : module.sections()) {
            String name = section.name();
            if (section.address() != 0 && PLAIN_NAME.matcher(name).matches() && !KERNEL_COPIES.contains(name)) {
                script.append(String.format("  %s 0x%x : { *(%s) }%n", name, section.address(), name));
            }
        }
        return script.append("}\n").toString();
    }

    private static void run(List<String> command, Path elf) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            // unresolved kernel symbols make ld complain at length; only a missing result is a failure
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(LINKER + " did not finish within 60 s");
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(elf)) {
                throw new IOException(String.join(" ", command) + " failed (is binutils-riscv64-linux-gnu installed?):\n"
                        + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while relinking " + elf.getFileName(), e);
        }
    }
}
