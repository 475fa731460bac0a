package org.chariot.emulator.gdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.chariot.emulator.cpu.DebugAccess;

/**
 * One client's connection: reads packets, answers them while the hart is stopped, resumes it
 * for {@code c}, {@code s} and {@code vCont}, and reports stops. When the client goes away the
 * hart is left stopped (or running, after {@code D}) with its state intact and the client's
 * breakpoints and watchpoints removed, since no one would know of them.
 */
final class GdbSession {

    private static final System.Logger LOG = System.getLogger(GdbSession.class.getName());
    private static final String BAD_PACKET = "E01";
    private static final String NOT_STOPPED = "E03";
    private static final String TOO_LARGE = "E04";
    /** The most console text per {@code O} packet, within the announced packet size. */
    private static final int CONSOLE_CHUNK = PacketChannel.MAX_PACKET / 2 - 8;

    private final PacketChannel channel;
    private final ExecutionControl control;
    private final BreakpointTable breakpoints;
    private final Watchpoints watchpoints;
    private final StatePackets state;
    private final BreakpointPackets breakpointPackets;
    private final QueryPackets queries;
    private boolean open = true;
    private boolean leftRunning;

    GdbSession(PacketChannel channel, Debuggee debuggee) {
        this.channel = channel;
        this.control = debuggee.control();
        this.breakpoints = debuggee.breakpoints();
        this.watchpoints = debuggee.watchpoints();
        this.state = new StatePackets(debuggee.hart(), new RegisterFile(debuggee.description()));
        this.breakpointPackets = new BreakpointPackets(breakpoints, watchpoints);
        this.queries = new QueryPackets(debuggee.description(), new MonitorCommands(debuggee.hart(), debuggee.libraries(),
                debuggee.isolation(), debuggee.sourceLines()),
                debuggee.libraries(), this::print);
    }

    /** Serves the client until it detaches, kills or disconnects (after the machine's end, GDB disconnects). */
    void serve() throws IOException {
        control.stopQuietly();
        try {
            while (open) {
                handle(channel.read());
            }
        } finally {
            if (!leftRunning && !control.isFinished()) {
                control.stopQuietly();
                forgetClientState();
            }
        }
    }

    private void handle(Incoming incoming) throws IOException {
        switch (incoming) {
            case Incoming.Interrupt interrupt -> control.interrupt();
            case Incoming.Oversized oversized -> channel.send(TOO_LARGE);
            case Incoming.Packet packet -> {
                String reply = control.isStopped() ? answer(packet.payload()) : NOT_STOPPED;
                if (reply != null) {
                    channel.send(reply);
                }
                if (packet.payload().equals("QStartNoAckMode") && "OK".equals(reply)) {
                    channel.stopAcknowledging();
                }
            }
        }
    }

    /** The reply to send now, or null when there is none (a resume: the stop reply comes later). */
    private String answer(String packet) {
        try {
            return dispatch(packet);
        } catch (MalformedPacketException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return BAD_PACKET;
        } catch (IllegalStateException e) {
            return NOT_STOPPED;
        } catch (UncheckedIOException clientGone) {
            throw clientGone;
        } catch (RuntimeException e) {
            // a bug in the stub must not end the session, let alone the server; it is logged with its trace
            LOG.log(System.Logger.Level.WARNING, "the stub failed to answer '" + printable(packet) + "'", e);
            return BAD_PACKET;
        }
    }

    private static String printable(String packet) {
        String start = packet.length() > 80 ? packet.substring(0, 80) + "..." : packet;
        return start.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private String dispatch(String packet) {
        if (packet.isEmpty()) {
            return "";
        }
        String arguments = packet.substring(1);
        return switch (packet.charAt(0)) {
            case '?' -> control.stopQuietly().reply();
            case 'g' -> state.readAll();
            case 'G' -> state.writeAll(arguments);
            case 'p' -> state.readOne(arguments);
            case 'P' -> state.writeOne(arguments);
            case 'm' -> state.readMemory(arguments);
            case 'M' -> state.writeMemoryHex(arguments);
            case 'X' -> state.writeMemoryBinary(arguments);
            case 'Z' -> breakpointPackets.insert(arguments);
            case 'z' -> breakpointPackets.remove(arguments);
            case 'c', 'C' -> resume(ExecutionControl.Resume.CONTINUE);
            case 's', 'S' -> resume(ExecutionControl.Resume.STEP);
            case 'v' -> verbose(packet);
            case 'q', 'Q' -> packet.equals("QStartNoAckMode") ? "OK" : queries.answer(packet);
            case 'H', 'T' -> "OK";
            case 'D' -> detach();
            case 'k' -> kill();
            default -> "";
        };
    }

    /** {@code v} packets: {@code vCont?}, {@code vCont;action[:thread]...}, {@code vKill}. */
    private String verbose(String packet) {
        if (packet.equals("vCont?")) {
            return "vCont;c;C;s;S;t";
        }
        if (packet.startsWith("vCont;")) {
            return vCont(packet.substring("vCont;".length()));
        }
        if (packet.startsWith("vKill")) {
            kill();
            return "OK";
        }
        return "";
    }

    /** One hart: a step for it wins over a continue; only stops ({@code t}) leave it stopped. */
    private String vCont(String actions) {
        boolean step = false, resume = false;
        for (String action : actions.split(";")) {
            switch (action.isEmpty() ? ' ' : action.charAt(0)) {
                case 's', 'S' -> step = true;
                case 'c', 'C' -> resume = true;
                case 't' -> {
                    // the hart is stopped already
                }
                default -> throw new MalformedPacketException("unknown vCont action '" + action + "'");
            }
        }
        if (step || resume) {
            return resume(step ? ExecutionControl.Resume.STEP : ExecutionControl.Resume.CONTINUE);
        }
        return control.stopQuietly().reply();
    }

    private String resume(ExecutionControl.Resume resume) {
        control.resume(resume, this::report);
        return null;
    }

    private String detach() {
        forgetClientState();
        leftRunning = true;
        open = false;
        control.resume(ExecutionControl.Resume.CONTINUE, null);
        return "OK";
    }

    private String kill() {
        open = false;
        control.kill();
        return null;
    }

    private void forgetClientState() {
        breakpoints.clearClient();
        watchpoints.clear();
    }

    /** Called on the machine's thread when the hart stopped after this client resumed it. */
    private void report(StopEvent stop) {
        try {
            print(stop.notice());
            channel.send(stop.reply());
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the client went away before hearing of a stop: " + e.getMessage());
        }
    }

    private void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int start = 0; start < bytes.length; start += CONSOLE_CHUNK) {
            byte[] chunk = Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + CONSOLE_CHUNK));
            sendQuietly("O" + Hex.HEX.formatHex(chunk));
        }
    }

    private void sendQuietly(String payload) {
        try {
            channel.send(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("the client went away", e);
        }
    }

    /** What a session works on, shared by all sessions of one server. */
    record Debuggee(ExecutionControl control, DebugAccess hart, BreakpointTable breakpoints,
            Watchpoints watchpoints, TargetDescription description, Optional<ModuleLibraries> libraries,
            Optional<IsolationLog> isolation, Optional<SourceLines> sourceLines) {
    }
}
