package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.chariot.emulator.guest.DriverBuild;
import org.chariot.emulator.guest.GuestKit;
import org.chariot.emulator.guest.GuestToolException;
import org.chariot.emulator.guest.Initramfs;
import org.chariot.emulator.guest.KernelModule;
import org.chariot.emulator.machine.Machine;
import org.chariot.emulator.machine.MachineConfig;
import org.chariot.emulator.machine.MachineExit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real gdb-multiarch against the real Linux guest on this emulator, loading the example drivers
 * hello and chardev: a breakpoint on a driver function set before the module exists, source lines,
 * {@code next}, a watchpoint on a driver global, and the power-off as the end of the session.
 */
class LinuxGuestGdbTest {

    private static final Path EXAMPLES = Path.of("../../examples/drivers").toAbsolutePath().normalize();

    @TempDir
    static Path dir;
    private static GuestKit kit;
    private static Map<String, Path> moduleFiles;
    private static Path initramfs;

    @BeforeAll
    static void buildDriversAndInitramfs() throws IOException, GuestToolException {
        String property = System.getProperty("chariot.kit", "");
        assumeTrue(!property.isBlank() && Files.isRegularFile(Path.of(property, "Image")),
                "no guest kit: run with -Dchariot.kit=<kit dir> (emulator/guest/build-kit.sh prints it)");
        assumeTrue(hasSectionOffsets(Path.of(property, "offsets.properties")),
                "the guest kit predates module.sect_attrs in offsets.list: rebuild it with emulator/guest/build-kit.sh");
        assumeTrue(GdbBatch.installed(), "gdb-multiarch is not installed (apt-get install gdb-multiarch)");
        kit = GuestKit.open(Path.of(property));
        List<KernelModule> modules = new ArrayList<>();
        for (String driver : List.of("hello", "chardev")) {
            Path copy = Files.createDirectories(dir.resolve(driver));
            try (var files = Files.list(EXAMPLES.resolve(driver))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, copy.resolve(file.getFileName()));
                }
            }
            Path built = new DriverBuild(kit).build(copy).stream()
                    .filter(module -> module.getFileName().toString().equals(driver + ".ko"))
                    .findFirst().orElseThrow();
            modules.add(KernelModule.of(built));
        }
        moduleFiles = Map.of("hello", modules.get(0).file(), "chardev", modules.get(1).file());
        initramfs = Initramfs.write(kit, Initramfs.runFiles(modules, null), dir);
    }

    private static boolean hasSectionOffsets(Path offsets) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(offsets)) {
            properties.load(reader);
        }
        return properties.containsKey("module.sect_attrs");
    }

    @Test
    void pendingBreakpointInADriverSourceLinesNextWatchpointAndPowerOff() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineConfig config = MachineConfig.builder(kit.image()).initrd(initramfs)
                .bootargs("console=ttyS0 panic=-1 chariot.modules=hello,chardev").console(null, console).build();
        try (Machine machine = Machine.create(config);
                GdbServer server = GdbServer.start(new MachineTarget(machine), 0, true,
                        Optional.of(GuestModules.of(kit, moduleFiles, Optional.empty())))) {
            CompletableFuture<DebugTarget.Ending> run = CompletableFuture.supplyAsync(server::runMachine,
                    runnable -> Thread.ofPlatform().start(runnable));
            String gdb = GdbBatch.run(150, List.of(
                    "set breakpoint pending on",
                    "file " + kit.vmlinux(),
                    "target remote 127.0.0.1:" + server.port(),
                    "break hello_init",
                    "break chardev_init",
                    "continue",
                    "bt",
                    "info line *$pc",
                    "next",
                    "info line *$pc",
                    "continue",
                    "watch buffer.data",
                    "continue",
                    "delete",
                    "monitor chariot modules",
                    "monitor chariot symbols hello",
                    "monitor chariot symbols nosuch",
                    "continue"));
            DebugTarget.Ending ending = run.get(60, TimeUnit.SECONDS);
            String output = gdb + "\n--- console ---\n" + console;
            assertTrue(output.contains("Breakpoint 1, hello_init () at " + dir.resolve("hello/hello.c") + ":16"), output);
            assertTrue(output.contains("in do_one_initcall"), output);
            assertTrue(output.contains("Line 16 of \"" + dir.resolve("hello/hello.c") + "\""), output);
            assertTrue(output.contains("Line 17 of \"" + dir.resolve("hello/hello.c") + "\""), output);
            assertTrue(output.contains("Breakpoint 2, chardev_init ()"), output);
            assertTrue(output.contains("Hardware watchpoint 3: buffer.data"), output);
            assertTrue(output.contains("New value = "), output);
            assertTrue(output.matches("(?s).*chardev  struct module 0x[0-9a-f]+  state 1.*\\.init\\.text\\s+0xffffffff[0-9a-f]+.*"),
                    output);
            assertTrue(output.matches("(?s).*add-symbol-file /\\S+/hello\\.at\\.elf\n.*"), output);
            assertTrue(output.contains("was not given a .ko for module 'nosuch'"), output);
            assertTrue(output.contains("exited normally"), output);
            assertEquals(0, ending.exitCode(), output);
        }
    }

    @Test
    void interruptTheBootingKernelAskForModulesAndKill() throws Exception {
        MachineConfig config = MachineConfig.builder(kit.image()).initrd(initramfs)
                .bootargs("console=ttyS0 panic=-1 chariot.modules=hello").console(null, new ByteArrayOutputStream()).build();
        try (Machine machine = Machine.create(config);
                GdbServer server = GdbServer.start(new MachineTarget(machine), 0, false,
                        Optional.of(GuestModules.of(kit, moduleFiles, Optional.empty())))) {
            CompletableFuture<DebugTarget.Ending> run = CompletableFuture.supplyAsync(server::runMachine,
                    runnable -> Thread.ofPlatform().start(runnable));
            try (RspClient gdb = new RspClient(server.port())) {
                assertEquals("T02thread:01;", gdb.request("?"), "connecting stopped the running machine");
                assertEquals("OK", gdb.request("qRcmd," + Hex.text("chariot modules")));
                String modules = String.join("", gdb.console);
                assertTrue(modules.contains("no modules are loaded") || modules.contains("cannot read the guest's module list"),
                        modules);
                gdb.send("c");
                gdb.interrupt();
                assertEquals("T02thread:01;", gdb.reply());
                gdb.sendRaw(RspClient.frame("k"));
            }
            assertEquals(1, run.get(30, TimeUnit.SECONDS).exitCode());
            assertEquals(Optional.of(new MachineExit.Stopped()), machine.exit(), "killed: the machine was stopped");
        }
    }

    /**
     * What a front end without DWARF (the Chariot IDE) does: at the stop that says a library was
     * loaded, asks where a source line's code is, breaks there, and asks for the place and frames.
     */
    @Test
    void sourceLineBreakpointOnAModuleThatLoadsLaterAndItsFrames() throws Exception {
        MachineConfig config = MachineConfig.builder(kit.image()).initrd(initramfs)
                .bootargs("console=ttyS0 panic=-1 chariot.modules=hello").console(null, new ByteArrayOutputStream()).build();
        Path source = dir.resolve("hello/hello.c");
        try (Machine machine = Machine.create(config);
                GdbServer server = GdbServer.start(new MachineTarget(machine), 0, true,
                        Optional.of(GuestModules.of(kit, moduleFiles, Optional.empty())))) {
            CompletableFuture<DebugTarget.Ending> run = CompletableFuture.supplyAsync(server::runMachine,
                    runnable -> Thread.ofPlatform().start(runnable));
            try (RspClient gdb = new RspClient(server.port())) {
                String early = monitor(gdb, "chariot lines " + source + ":16");
                assertFalse(early.startsWith("0x"), "not loaded yet: no address, but " + early);
                assertEquals("T05thread:01;library:;", gdb.request("c"), "the module is about to run its init");
                String addresses = monitor(gdb, "chariot lines hello.c:16");
                assertTrue(addresses.matches("0x[0-9a-f]+\n"), addresses);
                String exit = monitor(gdb, "chariot where " + monitor(gdb, "chariot lines hello.c:19").strip());
                assertTrue(exit.matches("#0 0x[0-9a-f]+ hello_exit\\+0x0 at " + source + ":22\n"),
                        "lines 19 to 21 have no code: the breakpoint goes to 22, " + exit);
                assertEquals("OK", gdb.request("Z0," + addresses.strip().substring(2) + ",2"));
                assertEquals("T05thread:01;swbreak:;", gdb.request("c"));
                String where = monitor(gdb, "chariot where " + addresses.strip());
                assertEquals("#0 " + addresses.strip() + " hello_init+0x2 at " + source + ":16\n", where);
                String frames = monitor(gdb, "chariot frames");
                assertTrue(frames.startsWith(where), frames);
                assertTrue(frames.matches("(?s).*\n#1 0xffffffff[0-9a-f]+ do_one_initcall\\+0x[0-9a-f]+\n.*"), frames);
                assertTrue(monitor(gdb, "chariot lines hello.c").startsWith("give FILE:LINE"));
                gdb.sendRaw(RspClient.frame("k"));
            }
            run.get(30, TimeUnit.SECONDS);
        }
    }

    private static String monitor(RspClient gdb, String command) throws IOException {
        gdb.console.clear();
        assertEquals("OK", gdb.request("qRcmd," + Hex.text(command)));
        return String.join("", gdb.console);
    }
}
