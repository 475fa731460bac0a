package org.chariot.emulator.gdb;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A GDB remote stub on loopback TCP for one {@link DebugTarget}. One client at a time: a second
 * connection waits until the first ends. The machine runs on the thread that calls
 * {@link #runMachine()}, which takes the place of {@code Machine.run()} (whose run loop treats a
 * breakpoint as a fault); clients are served on the server's own thread. A client that goes away
 * leaves the machine stopped (running after {@code detach}) and the stub listening again.
 *
 * <p>Driver modules: with {@link GuestModules}, the stub follows the guest kernel's module
 * loading through breakpoints of its own at {@code do_init_module} and {@code free_module}, which
 * clients never see. When a module whose {@code .ko} the run was given is about to run its init,
 * the stub relinks the {@code .ko} at the module's runtime section addresses and reports it to GDB
 * as a loaded library ({@code library:} stop, {@code qXfer:libraries:read}). GDB then loads its
 * symbols by itself, with correct source lines, resolves breakpoints that were pending on the
 * driver's functions, and resumes on its own, all before the driver's init has run. So a user
 * sets {@code break hello_init} before the module loads (answering "y" to "Make breakpoint
 * pending on future shared library load?", or {@code set breakpoint pending on} in scripts),
 * continues, and stops in the init. {@code monitor chariot symbols <module>} prints the
 * {@code add-symbol-file} command for a loaded module, for front ends that ignore library lists.
 *
 * <pre>{@code
 * GuestModules modules = GuestModules.of(kit, Map.of("hello", helloKo), Optional.empty());
 * try (GdbServer gdb = GdbServer.start(new MachineTarget(machine), 1234, waitForGdb, Optional.of(modules))) {
 *     print("GDB: target remote 127.0.0.1:" + gdb.port());
 *     gdb.runMachine();                       // until power-off, or a client's kill
 *     MachineExit exit = machine.exit().orElseThrow();
 * }
 * }</pre>
 */
public final class GdbServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GdbServer.class.getName());

    private final ServerSocket listener;
    private final ExecutionControl control;
    private final GdbSession.Debuggee debuggee;
    private final Optional<Path> workDirectory;
    private final Thread acceptor;
    private volatile Socket client;

    private GdbServer(ServerSocket listener, GdbSession.Debuggee debuggee, Optional<Path> workDirectory) {
        this.listener = listener;
        this.debuggee = debuggee;
        this.control = debuggee.control();
        this.workDirectory = workDirectory;
        this.acceptor = Thread.ofPlatform().name("gdb-server-" + listener.getLocalPort()).daemon().unstarted(this::serveClients);
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port) for {@code target}.
     *
     * @param waitForClient the machine starts frozen until a client continues it ({@code --wait-gdb})
     * @param guest         the guest kernel's modules to follow, or empty for a bare-metal program
     */
    public static GdbServer start(DebugTarget target, int port, boolean waitForClient, Optional<GuestModules> guest)
            throws IOException {
        ServerSocket listener = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        try {
            BreakpointTable breakpoints = new BreakpointTable(target.debug());
            Watchpoints watchpoints = new Watchpoints(target.mmu());
            Optional<Path> work = guest.isPresent() ? Optional.of(Files.createTempDirectory("chariot-gdb-")) : Optional.empty();
            Optional<ModuleLibraries> libraries = guest.map(g -> followModules(g, breakpoints, work.orElseThrow()));
            Optional<SourceLines> sourceLines = libraries.map(l -> new SourceLines(l, guest.orElseThrow().kernel()));
            GdbSession.Debuggee debuggee = new GdbSession.Debuggee(new ExecutionControl(target, breakpoints, watchpoints, waitForClient),
                    target.debug(), breakpoints, watchpoints, TargetDescription.load(), libraries,
                    guest.flatMap(GuestModules::isolation), sourceLines);
            GdbServer server = new GdbServer(listener, debuggee, work);
            server.acceptor.start();
            return server;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private static ModuleLibraries followModules(GuestModules guest, BreakpointTable breakpoints, Path work) {
        ModuleLibraries libraries = new ModuleLibraries(guest.modules(), guest.moduleFiles(), new ModuleRelinker(work));
        breakpoints.addHook(guest.symbol("do_init_module"), libraries::moduleLoading);
        breakpoints.addHook(guest.symbol("free_module"), libraries::moduleFreed);
        return libraries;
    }

    /** The port the stub listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Runs the machine on the calling thread, as the clients direct, until it ends. */
    public DebugTarget.Ending runMachine() {
        return control.runMachine();
    }

    private void serveClients() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                client = socket;
                socket.setTcpNoDelay(true);
                PacketChannel channel = new PacketChannel(socket.getInputStream(), socket.getOutputStream());
                new GdbSession(channel, debuggee).serve();
            } catch (IOException | RuntimeException e) {
                logEnd(e);
            } finally {
                client = null;
            }
        }
    }

    private static void logEnd(Exception e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        if (cause instanceof EOFException || cause instanceof SocketException) {
            LOG.log(System.Logger.Level.DEBUG, "GDB connection closed: " + cause.getMessage());
        } else {
            LOG.log(System.Logger.Level.WARNING, "GDB session ended: " + e.getMessage(), e);
        }
    }

    private void hangUp() {
        Socket socket = client;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the GDB connection failed: " + e.getMessage());
            }
        }
    }

    /**
     * Stops listening, drops the client and ends the machine if it has not ended ({@link #runMachine()}
     * returns); the relinked module files are deleted.
     */
    @Override
    public void close() throws IOException {
        listener.close();
        hangUp();
        control.kill();
        if (workDirectory.isPresent()) {
            try (Stream<Path> files = Files.walk(workDirectory.get())) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
