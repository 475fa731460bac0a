package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.chariot.debug.rsp.RspClient;
import org.chariot.debug.rsp.RspException;
import org.chariot.debug.rsp.StopReply;
import org.chariot.debug.rsp.StubPlace;
import org.chariot.debug.rsp.StubSourceLines;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.StubProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDE's RSP client against the real stub of a {@code chariot run --gdb} of the hello example. */
class RspClientTest {

	private static final Duration STARTUP = Duration.ofMinutes(3);
	private static final Duration CONNECT = Duration.ofSeconds(10);

	@TempDir
	Path directory;

	@Test
	void breaksOnASourceLineOfTheModuleBeforeItLoadsThenStepsAndRunsToTheEnd() throws Exception {
		ChariotCheckout.kit();
		Path root = ChariotCheckout.root();
		Path driver = ChariotCheckout.copyOfExample("hello", directory.resolve("hello"));
		int line = lineOf(driver.resolve("hello.c"), "pr_info(\"hello");
		try (StubProcess chariot = StubProcess.start(root, driver, directory.resolve("run.jsonl"));
				RspClient client = RspClient.connect(chariot.port(STARTUP), CONNECT, () -> false)) {
			StubSourceLines lines = new StubSourceLines(client);
			assertEquals(StopReply.SIGTRAP, client.stopReason().number(), "the guest waits frozen for its debugger");
			long[] registers = client.generalRegisters();
			assertEquals(33, registers.length, "x0-x31 and pc");
			assertEquals(registers[RspClient.PC], client.register(RspClient.PC));
			assertEquals(4, client.readMemory(registers[RspClient.PC], 4).length);
			assertEquals(List.of(), lines.breakpointAddresses("hello.c", line), "the module is not loaded yet");

			StopReply loaded = client.resume();
			assertTrue(loaded.librariesChanged(), "the stub stops when the module loads: " + loaded);
			assertTrue(client.monitor("chariot modules").contains("hello"));
			List<Long> addresses = lines.breakpointAddresses("hello.c", line);
			assertEquals(1, addresses.size(), addresses.toString());
			client.insertBreakpoint(addresses.getFirst());

			StopReply hit = client.resume();
			assertTrue(hit.atBreakpoint(), hit.toString());
			long pc = client.register(RspClient.PC);
			assertEquals(addresses.getFirst(), pc);
			StubPlace place = lines.where(pc);
			assertEquals("hello_init", place.function());
			assertEquals(line, place.line());
			assertTrue(place.file().orElseThrow().endsWith("/hello.c"), place.toString());
			assertEquals(place.pc(), lines.frames().getFirst().pc(), "frame 0 is where the hart is");

			assertEquals(StopReply.SIGTRAP, client.step().number());
			assertNotEquals(pc, client.register(RspClient.PC), "a step moves the pc");
			client.removeBreakpoint(addresses.getFirst());
			StopReply unloaded = client.resume();
			assertTrue(unloaded.librariesChanged(), "the stub stops when the module is unloaded: " + unloaded);
			StopReply end = client.resume();
			assertEquals(StopReply.Kind.EXITED, end.kind(), "the guest powers off after the run: " + end);
			assertTrue(chariot.process().waitFor(30, TimeUnit.SECONDS), "chariot ends with its guest");
		}
	}

	@Test
	void anInterruptStopsTheRunningGuestAndAStubThatDiesFailsTheWaitingRequest() throws Exception {
		ChariotCheckout.kit();
		Path root = ChariotCheckout.root();
		Path driver = ChariotCheckout.copyOfExample("hello", directory.resolve("hello"));
		try (StubProcess chariot = StubProcess.start(root, driver, directory.resolve("run.jsonl"));
				RspClient client = RspClient.connect(chariot.port(STARTUP), CONNECT, () -> false)) {
			client.insertBreakpoint(0xffffffff00000000L); // never reached: the guest runs until it is stopped
			CompletableFuture<StopReply> interrupted = resumeInBackground(client);
			client.interrupt();
			assertEquals(StopReply.SIGINT, interrupted.get(10, TimeUnit.SECONDS).number(), "^C stops the hart");

			CompletableFuture<StopReply> running = resumeInBackground(client);
			assertFalse(running.isDone(), "the guest is running");
			chariot.close();
			ExecutionException failure = assertThrows(ExecutionException.class, () -> running.get(10, TimeUnit.SECONDS));
			RspException lost = assertInstanceOf(RspException.class, failure.getCause());
			assertTrue(lost.getMessage().startsWith("the connection to the GDB stub was lost"), lost.getMessage());
			assertThrows(RspException.class, () -> client.generalRegisters(), "later requests fail at once too");
		}
	}

	private static CompletableFuture<StopReply> resumeInBackground(RspClient client) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return client.resume();
			} catch (Exception e) {
				throw new CompletionException(e);
			}
		});
	}

	@Test
	void noStubListeningIsReportedAfterTheDeadline() {
		long start = System.nanoTime();
		RspException e = assertThrows(RspException.class,
				() -> RspClient.connect(freePort(), Duration.ofMillis(500), () -> false));
		assertTrue(e.getMessage().startsWith("no GDB stub listens on 127.0.0.1:"), e.getMessage());
		assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "gave up near its deadline");
	}

	/** The 1-based line of a file that holds {@code text}. */
	private static int lineOf(Path file, String text) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(file + " has no line with '" + text + "'");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
