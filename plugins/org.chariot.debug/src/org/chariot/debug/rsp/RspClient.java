package org.chariot.debug.rsp;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A GDB remote serial protocol client for the Chariot stub, on loopback. One request at a time: the caller gets its
 * reply; console output the stub sends on the way ({@code O} packets, e.g. the text of a {@code monitor} command) is
 * collected for that request. {@link #resume} and {@link #step} block until the target stops; {@link #interrupt}
 * may be called from another thread meanwhile.
 */
public final class RspClient implements Closeable {

	/** Register numbers as the stub's target description gives them. */
	public static final int PC = 32, FIRST_CSR = 65, PRIV = FIRST_CSR + 4096;
	private static final int GENERAL_REGISTERS = 33;
	private static final Duration FIRST_RETRY = Duration.ofMillis(20);
	private static final HexFormat HEX = HexFormat.of();

	private final Socket socket;
	private final PacketConnection connection;
	private final ReentrantLock requests = new ReentrantLock();
	private volatile boolean closed;
	/** Guarded by the client: a resume is under way, and an interrupt asked for before its packet went out. */
	private boolean running;
	private boolean interruptWanted;

	private RspClient(Socket socket) throws IOException {
		this.socket = socket;
		this.connection = new PacketConnection(socket.getInputStream(), socket.getOutputStream());
	}

	/**
	 * Connects to 127.0.0.1:{@code port}, trying again while the stub is not listening yet, until {@code deadline}
	 * has passed or {@code cancelled} says so; then says hello ({@code qSupported}).
	 */
	public static RspClient connect(int port, Duration deadline, BooleanSupplier cancelled) throws IOException {
		Instant end = Instant.now().plus(deadline);
		Duration wait = FIRST_RETRY;
		while (true) {
			try {
				Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
				socket.setTcpNoDelay(true);
				RspClient client = new RspClient(socket);
				client.request("qSupported:swbreak+;hwbreak+;vContSupported+");
				return client;
			} catch (ConnectException e) {
				if (Instant.now().plus(wait).isAfter(end) || cancelled.getAsBoolean()) {
					throw new RspException("no GDB stub listens on 127.0.0.1:" + port + " after " + deadline.toSeconds()
							+ " s: " + e.getMessage(), e);
				}
				pause(wait);
				wait = wait.multipliedBy(2);
			}
		}
	}

	/** Waits before a new connection attempt without holding a thread in a sleep loop. */
	private static void pause(Duration wait) {
		CompletableFuture.runAsync(() -> {
		}, CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)).join();
	}

	/** Sends a request and returns its reply; an error reply ({@code Enn}) is thrown. */
	public String request(String packet) throws IOException {
		return exchange(packet, new StringBuilder());
	}

	private String exchange(String packet, StringBuilder console) throws IOException {
		requests.lock();
		try {
			connection.send(packet);
			String reply = nextNonConsole(console);
			if (reply.matches("E[0-9a-fA-F]{2}")) {
				throw new RspException("the stub answered " + reply + " to '" + shorten(packet) + "'");
			}
			return reply;
		} catch (RspException e) {
			throw e;
		} catch (IOException e) {
			throw lost(e);
		} finally {
			requests.unlock();
		}
	}

	private String nextNonConsole(StringBuilder console) throws IOException {
		while (true) {
			String packet = connection.receive();
			if (packet.startsWith("O") && !packet.equals("OK")) {
				console.append(new String(HEX.parseHex(packet.substring(1)), StandardCharsets.UTF_8));
			} else {
				return packet;
			}
		}
	}

	private RspException lost(IOException e) {
		return new RspException(closed ? "the connection to the GDB stub was closed"
				: "the connection to the GDB stub was lost: " + e.getMessage(), e);
	}

	private static String shorten(String packet) {
		return packet.length() > 40 ? packet.substring(0, 40) + "..." : packet;
	}

	/** A {@code monitor} command's output ({@code qRcmd}). */
	public String monitor(String command) throws IOException {
		StringBuilder console = new StringBuilder();
		exchange("qRcmd," + HEX.formatHex(command.getBytes(StandardCharsets.UTF_8)), console);
		return console.toString();
	}

	/** Why the target is stopped ({@code ?}). */
	public StopReply stopReason() throws IOException {
		return StopReply.parse(request("?"));
	}

	/** x0-x31 and pc ({@code g}). */
	public long[] generalRegisters() throws IOException {
		String reply = request("g");
		if (reply.length() < GENERAL_REGISTERS * 16) {
			throw new RspException("the stub sent " + reply.length() / 16 + " registers, not " + GENERAL_REGISTERS);
		}
		long[] values = new long[GENERAL_REGISTERS];
		for (int i = 0; i < values.length; i++) {
			values[i] = littleEndian(reply.substring(i * 16, i * 16 + 16));
		}
		return values;
	}

	public long register(int number) throws IOException {
		return littleEndian(request("p" + Integer.toHexString(number)));
	}

	public void writeRegister(int number, long value) throws IOException {
		expectOk(request("P" + Integer.toHexString(number) + "=" + HEX.formatHex(littleEndianBytes(value))));
	}

	public byte[] readMemory(long address, int length) throws IOException {
		return HEX.parseHex(request("m" + Long.toHexString(address) + "," + Integer.toHexString(length)));
	}

	public void writeMemory(long address, byte[] data) throws IOException {
		expectOk(request("M" + Long.toHexString(address) + "," + Integer.toHexString(data.length) + ":"
				+ HEX.formatHex(data)));
	}

	public void insertBreakpoint(long address) throws IOException {
		expectOk(request("Z0," + Long.toHexString(address) + ",2"));
	}

	public void removeBreakpoint(long address) throws IOException {
		expectOk(request("z0," + Long.toHexString(address) + ",2"));
	}

	/** Continues the target and waits until it stops or ends. */
	public StopReply resume() throws IOException {
		return run("vCont;c");
	}

	/** Executes one instruction. */
	public StopReply step() throws IOException {
		return run("vCont;s");
	}

	private StopReply run(String packet) throws IOException {
		requests.lock();
		try {
			connection.send(packet);
			synchronized (this) {
				running = true;
				if (interruptWanted) {
					connection.interrupt();
				}
			}
			return StopReply.parse(nextNonConsole(new StringBuilder()));
		} catch (RspException e) {
			throw e;
		} catch (IOException e) {
			throw lost(e);
		} finally {
			synchronized (this) {
				running = false;
				interruptWanted = false;
			}
			requests.unlock();
		}
	}

	/**
	 * Asks the running target to stop: the pending {@link #resume()} returns with SIGINT. Asked while a resume is
	 * about to send its packet, the interrupt follows that packet.
	 */
	public synchronized void interrupt() throws IOException {
		interruptWanted = true;
		if (running) {
			connection.interrupt();
		}
	}

	/** Ends the target ({@code k}) and the connection. */
	public void kill() throws IOException {
		try {
			connection.send("k");
		} finally {
			close();
		}
	}

	public boolean isClosed() {
		return closed || socket.isClosed();
	}

	@Override
	public void close() throws IOException {
		closed = true;
		socket.close();
	}

	private static void expectOk(String reply) throws RspException {
		if (!reply.equals("OK")) {
			throw new RspException("the stub answered '" + reply + "' instead of OK");
		}
	}

	private static long littleEndian(String hex) throws RspException {
		if (hex.length() != 16) {
			throw new RspException("expected a 64-bit register value, got '" + hex + "'");
		}
		byte[] bytes = HEX.parseHex(hex);
		long value = 0;
		for (int i = bytes.length - 1; i >= 0; i--) {
			value = value << 8 | (bytes[i] & 0xff);
		}
		return value;
	}

	private static byte[] littleEndianBytes(long value) {
		byte[] bytes = new byte[Long.BYTES];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (value >>> (8 * i));
		}
		return bytes;
	}
}
