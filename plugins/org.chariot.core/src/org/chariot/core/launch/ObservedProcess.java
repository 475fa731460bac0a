package org.chariot.core.launch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The chariot process as the debug framework reads it, with every line of its output also handed to a listener. Seen
 * where the Console reads it, so no line is missed however early or fast the command writes (a stream listener added
 * after the process starts can be too late).
 */
final class ObservedProcess extends Process {

	private final Process process;
	private final InputStream output;
	private final InputStream errors;

	/** @param lines told each complete line of standard output and standard error, on the reading threads */
	ObservedProcess(Process process, Consumer<String> lines) {
		this.process = process;
		this.output = new LineTap(process.getInputStream(), lines);
		this.errors = new LineTap(process.getErrorStream(), lines);
	}

	@Override
	public OutputStream getOutputStream() {
		return process.getOutputStream();
	}

	@Override
	public InputStream getInputStream() {
		return output;
	}

	@Override
	public InputStream getErrorStream() {
		return errors;
	}

	@Override
	public int waitFor() throws InterruptedException {
		return process.waitFor();
	}

	@Override
	public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
		return process.waitFor(timeout, unit);
	}

	@Override
	public int exitValue() {
		return process.exitValue();
	}

	@Override
	public void destroy() {
		process.destroy();
	}

	@Override
	public Process destroyForcibly() {
		process.destroyForcibly();
		return this;
	}

	@Override
	public boolean supportsNormalTermination() {
		return process.supportsNormalTermination();
	}

	@Override
	public boolean isAlive() {
		return process.isAlive();
	}

	@Override
	public long pid() {
		return process.pid();
	}

	@Override
	public CompletableFuture<Process> onExit() {
		return process.onExit().thenApply(ended -> this);
	}

	@Override
	public ProcessHandle toHandle() {
		return process.toHandle();
	}

	@Override
	public ProcessHandle.Info info() {
		return process.info();
	}

	@Override
	public Stream<ProcessHandle> children() {
		return process.children();
	}

	@Override
	public Stream<ProcessHandle> descendants() {
		return process.descendants();
	}

	/** Passes the bytes on unchanged and cuts them into lines for the listener; a last line without newline too. */
	private static final class LineTap extends FilterInputStream {

		private final Consumer<String> lines;
		private final ByteArrayOutputStream line = new ByteArrayOutputStream();

		LineTap(InputStream in, Consumer<String> lines) {
			super(in);
			this.lines = lines;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b < 0) {
				endOfStream();
			} else {
				take((byte) b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read < 0) {
				endOfStream();
			}
			for (int i = 0; i < read; i++) {
				take(buffer[offset + i]);
			}
			return read;
		}

		private void take(byte b) {
			if (b == '\n') {
				lines.accept(line.toString(StandardCharsets.UTF_8));
				line.reset();
			} else {
				line.write(b);
			}
		}

		private void endOfStream() {
			if (line.size() > 0) {
				lines.accept(line.toString(StandardCharsets.UTF_8));
				line.reset();
			}
		}
	}
}
