package org.chariot.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code chariot run DRIVER --gdb 0 --wait-gdb} process, and the port its GDB stub announces on stderr. */
public final class StubProcess implements AutoCloseable {

	private static final Pattern ANNOUNCEMENT = Pattern.compile("GDB stub on 127\\.0\\.0\\.1:(\\d+)");

	private final Process process;
	private final CompletableFuture<Integer> port = new CompletableFuture<>();
	private final StringBuilder errors = new StringBuilder();

	private StubProcess(Process process) {
		this.process = process;
		Thread.ofPlatform().daemon().name("chariot stderr").start(this::readErrors);
	}

	public static StubProcess start(Path root, Path driver, Path eventFile) throws IOException {
		List<String> command = new ArrayList<>(List.of(root.resolve("chariot").toString(), "run", driver.toString(),
				"--gdb", "0", "--wait-gdb", "--json", eventFile.toString()));
		return new StubProcess(new ProcessBuilder(command).directory(root.toFile())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
	}

	private void readErrors() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				synchronized (errors) {
					errors.append(line).append('\n');
				}
				Matcher matcher = ANNOUNCEMENT.matcher(line);
				if (matcher.find()) {
					port.complete(Integer.parseInt(matcher.group(1)));
				}
			}
			port.completeExceptionally(new IllegalStateException("chariot ended without a GDB stub:\n" + errors()));
		} catch (IOException e) {
			port.completeExceptionally(e);
		}
	}

	public int port(Duration deadline) throws Exception {
		return port.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
	}

	public Process process() {
		return process;
	}

	public String errors() {
		synchronized (errors) {
			return errors.toString();
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}
}
