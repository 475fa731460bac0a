package org.chariot.emulator.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.chariot.emulator.mmu.StoreDecision;
import org.chariot.emulator.mmu.StoreObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stub against a scripted client, on a bare-metal hart running a small C program under Sv39. */
class GdbServerTest {

    static final String PROGRAM = """
            volatile unsigned long counter;
            volatile unsigned long limit = ~0UL;
            static unsigned long stack[512] __attribute__((aligned(16)));

            static void power_off(unsigned long code)
            {
                register unsigned long a0 asm("a0") = 0;
                register unsigned long a1 asm("a1") = code;
                register unsigned long a7 asm("a7") = 0x53525354;
                asm volatile("ecall" : : "r"(a0), "r"(a1), "r"(a7));
                for (;;)
                    ;
            }

            void count(void)
            {
                counter = counter + 1;
            }

            void main_loop(void)
            {
                while (counter < limit)
                    count();
                power_off(0);
            }

            __attribute__((naked)) void start(void)
            {
                asm volatile("lla sp, stack + 4096\\n j main_loop" : : "m"(stack));
            }
            """;

    private static final int PC = 0x20;
    private static final long PAGE_SIZE = 4096;
    private static final int SATP = 65 + 0x180;

    @TempDir
    Path dir;
    TinyMachine machine;
    GdbServer server;
    CompletableFuture<DebugTarget.Ending> run;

    @BeforeEach
    void start() throws IOException {
        machine = TinyMachine.build(dir, PROGRAM);
        server = GdbServer.start(machine, 0, true, Optional.empty());
        run = CompletableFuture.supplyAsync(server::runMachine, runnable -> Thread.ofPlatform().start(runnable));
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void announcesFeaturesAndServesTheTargetDescription() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            String features = gdb.request("qSupported:multiprocess+;swbreak+;hwbreak+;xmlRegisters=i386");
            assertTrue(features.contains("PacketSize=4000") && features.contains("qXfer:features:read+")
                    && features.contains("vContSupported+") && features.contains("swbreak+"), features);
            String xml = readDocument(gdb, "qXfer:features:read:target.xml:");
            assertTrue(xml.contains("<feature name=\"org.gnu.gdb.riscv.cpu\">"), xml);
            assertTrue(xml.contains("<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\" regnum=\"32\"/>"), xml);
            assertTrue(xml.contains("<reg name=\"satp\" bitsize=\"64\" regnum=\"449\""), xml);
            assertEquals("E00", gdb.request("qXfer:features:read:other.xml:0,100"));
            assertEquals("vCont;c;C;s;S;t", gdb.request("vCont?"));
            assertEquals("", gdb.request("qNoSuchThing"));
        }
    }

    @Test
    void readsAndWritesRegistersAndCsrs() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            assertEquals("T05thread:01;", gdb.request("?"));
            String all = gdb.request("g");
            assertEquals(33 * 16, all.length());
            assertEquals(machine.symbol("start"), Hex.parseRegister(all.substring(32 * 16)));
            assertEquals(machine.symbol("start"), register(gdb, PC));
            assertEquals(machine.hart.csr(0x180), register(gdb, SATP));
            assertEquals("OK", gdb.request("P5=" + Hex.register(0x1234_5678_9abcL)));
            assertEquals(0x1234_5678_9abcL, register(gdb, 5));
            assertEquals("OK", gdb.request("P0=" + Hex.register(7)));
            assertEquals(0, register(gdb, 0), "x0 stays zero");
            assertEquals(1, register(gdb, 4161), "priv: the hart is in S-mode");
            assertEquals("E02", gdb.request("p40"), "register 0x40 is not in the target description");
            assertEquals("E01", gdb.request("pzz"));
        }
    }

    @Test
    void memoryGoesThroughThePageTables() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            long limit = machine.symbol("limit");
            assertEquals("ffffffffffffffff", gdb.request("m" + Long.toHexString(limit) + ",8"));
            assertEquals("OK", gdb.request("M" + Long.toHexString(limit) + ",2:2a00"));
            assertEquals(0x2a, machine.ram.bytes()[(int) (limit - TinyMachine.VIRTUAL_BASE)]);
            assertEquals("OK", gdb.request("X" + Long.toHexString(limit) + ",1:\u0003"));
            assertEquals("0300", gdb.request("m" + Long.toHexString(limit) + ",2"));
            assertEquals("E14", gdb.request("m1000,4"), "virtual 0x1000 is not mapped");
            assertEquals("E14", gdb.request("M1000,1:00"));
        }
    }

    @Test
    void breakpointStepAndContinue() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            long count = machine.symbol("count");
            assertEquals("OK", gdb.request("Z0," + Long.toHexString(count) + ",2"));
            assertEquals("T05thread:01;swbreak:;", gdb.request("c"));
            assertEquals(count, register(gdb, PC));
            assertEquals("T05thread:01;", gdb.request("vCont;s:1"));
            long afterOne = register(gdb, PC);
            assertTrue(afterOne == count + 2 || afterOne == count + 4, "one instruction further: " + afterOne);
            assertEquals("T05thread:01;swbreak:;", gdb.request("vCont;c"), "the next call of count");
            assertEquals(count, register(gdb, PC));
            assertEquals("OK", gdb.request("z0," + Long.toHexString(count) + ",2"));
            assertEquals("OK", gdb.request("Z1," + Long.toHexString(count) + ",2"));
            assertEquals("T05thread:01;hwbreak:;", gdb.request("c"));
        }
    }

    @Test
    void writeWatchpointStopsBeforeTheStore() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            long counter = machine.symbol("counter");
            assertEquals("OK", gdb.request("Z2," + Long.toHexString(counter) + ",8"));
            assertEquals("", gdb.request("Z3," + Long.toHexString(counter) + ",8"), "read watchpoints are not offered");
            assertEquals("T05thread:01;watch:" + Long.toHexString(counter) + ";", gdb.request("c"));
            assertEquals("0000000000000000", gdb.request("m" + Long.toHexString(counter) + ",8"), "the store has not landed");
            assertEquals("OK", gdb.request("z2," + Long.toHexString(counter) + ",8"));
            assertEquals("T05thread:01;", gdb.request("s"));
            assertEquals("0100000000000000", gdb.request("m" + Long.toHexString(counter) + ",8"), "stepped: it landed");
        }
    }

    @Test
    void goingOnFromAStoreTheHaltPolicyStoppedDropsItInsteadOfStoppingThereAgain() throws IOException {
        long counter = machine.symbol("counter");
        machine.mmu().addStoreObserver(new StoreObserver() { // the monitor under halt: counter may not be written
            @Override
            public boolean interested(long virtualPage, long physicalPage) {
                return virtualPage == (counter & -PAGE_SIZE);
            }

            @Override
            public StoreDecision beforeStore(long virtualAddress, long physicalAddress, int size, long value) {
                return virtualAddress == counter ? StoreDecision.HALT : StoreDecision.COMMIT;
            }
        });
        try (RspClient gdb = new RspClient(server.port())) {
            assertEquals("T0bthread:01;", gdb.request("c"), "SIGSEGV before the store");
            String storePc = gdb.request("p" + Integer.toHexString(PC));
            assertEquals("T05thread:01;", gdb.request("s"), "the step leaves the store instead of halting again");
            assertNotEquals(storePc, gdb.request("p" + Integer.toHexString(PC)));
            assertEquals("0000000000000000", gdb.request("m" + Long.toHexString(counter) + ",8"), "the store was dropped");
            assertEquals("T0bthread:01;", gdb.request("c"), "the next store to counter halts again");
        }
    }

    @Test
    void interruptStopsARunningMachineWithSigint() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            gdb.send("c");
            assertEquals("E03", gdb.request("g"), "registers are not readable while the hart runs");
            gdb.interrupt();
            assertEquals("T02thread:01;", gdb.reply());
            assertTrue(Hex.parseRegister(gdb.request("g").substring(32 * 16)) != 0);
        }
    }

    @Test
    void powerOffEndsTheSessionWithTheExitCode() throws Exception {
        try (RspClient gdb = new RspClient(server.port())) {
            assertEquals("OK", gdb.request("M" + Long.toHexString(machine.symbol("limit")) + ",8:0300000000000000"));
            assertEquals("W00", gdb.request("c"));
            assertTrue(gdb.console.stream().anyMatch(line -> line.contains("powered off")), gdb.console.toString());
        }
        assertEquals(0, run.get(20, TimeUnit.SECONDS).exitCode());
    }

    @Test
    void detachLeavesTheMachineRunningAndKillEndsIt() throws Exception {
        try (RspClient gdb = new RspClient(server.port())) {
            assertEquals("OK", gdb.request("Z0," + Long.toHexString(machine.symbol("count")) + ",2"));
            assertEquals("OK", gdb.request("D"));
        }
        try (RspClient again = new RspClient(server.port())) {
            assertEquals("T02thread:01;", again.request("?"), "the new client stopped the machine, not the old breakpoint");
            again.sendRaw(RspClient.frame("k"));
        }
        assertEquals(9, run.get(20, TimeUnit.SECONDS).exitCode());
    }

    @Test
    void aClientThatVanishesMidRunLeavesTheMachineStoppedAndIntact() throws Exception {
        try (RspClient gdb = new RspClient(server.port())) {
            assertEquals("OK", gdb.request("Z0," + Long.toHexString(machine.symbol("count")) + ",2"));
            assertEquals("T05thread:01;swbreak:;", gdb.request("c"));
            assertEquals("T05thread:01;swbreak:;", gdb.request("c"), "count was called the second time: counter is 1");
            gdb.send("c");
        }
        try (RspClient again = new RspClient(server.port())) {
            String stop = again.request("?");
            assertTrue(stop.startsWith("T0"), stop);
            long counter = Hex.parseRegister(again.request("m" + Long.toHexString(machine.symbol("counter")) + ",8"));
            assertTrue(counter >= 1, "the counting done before the client vanished is still there");
            assertEquals("OK", again.request("Z2," + Long.toHexString(machine.symbol("counter")) + ",8"));
            assertEquals("T05thread:01;watch:" + Long.toHexString(machine.symbol("counter")) + ";", again.request("c"),
                    "the machine runs on, and no breakpoint of the old client stops it before the store");
        }
    }

    @Test
    void badChecksumsGarbageAndOversizedPacketsAreAnsweredNotFatal() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            gdb.sendRaw("$g#00".getBytes());
            assertEquals('-', gdb.readByte(), "a bad checksum is refused");
            gdb.sendRaw("garbage+-+$half a pack".getBytes());
            gdb.sendRaw(RspClient.frame("x".repeat(PacketChannel.MAX_PACKET + 10)));
            assertEquals('+', gdb.readByte());
            assertEquals("E04", gdb.reply(), "an oversized packet gets an error");
            assertEquals("E01", gdb.request("mnothex,4"));
            assertEquals("E01", gdb.request("Z0"));
            assertEquals(33 * 16, gdb.request("g").length(), "the stub still answers");
            assertEquals("OK", gdb.request("QStartNoAckMode"));
        }
    }

    @Test
    void monitorCommandsPrintOnTheConsole() throws IOException {
        try (RspClient gdb = new RspClient(server.port())) {
            assertEquals("OK", gdb.request("qRcmd," + Hex.text("help")));
            assertTrue(gdb.console.getFirst().contains("monitor chariot symbols MODULE"), gdb.console.toString());
            assertEquals("OK", gdb.request("qRcmd," + Hex.text("chariot modules")));
            assertTrue(gdb.console.get(1).contains("no guest kernel"), gdb.console.toString());
            assertEquals("OK", gdb.request("qRcmd," + Hex.text("frobnicate")));
            assertTrue(gdb.console.get(2).contains("try 'monitor help'"), gdb.console.toString());
        }
    }

    private static long register(RspClient gdb, int number) throws IOException {
        return Hex.parseRegister(gdb.request("p" + Integer.toHexString(number)));
    }

    private static String readDocument(RspClient gdb, String request) throws IOException {
        StringBuilder document = new StringBuilder();
        while (true) {
            String part = gdb.request(request + Integer.toHexString(document.length()) + ",200");
            document.append(part.substring(1));
            if (part.startsWith("l")) {
                return document.toString();
            }
        }
    }
}
