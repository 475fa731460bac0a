package org.chariot.emulator.gdb;

import java.util.Optional;
import java.util.function.Consumer;

/** General queries ({@code q}, {@code Q}): features, documents by {@code qXfer}, threads, {@code monitor}. */
final class QueryPackets {

    private static final String FEATURES = "PacketSize=" + Integer.toHexString(PacketChannel.MAX_PACKET)
            + ";qXfer:features:read+;swbreak+;hwbreak+;vContSupported+;QStartNoAckMode+";
    private static final String FEATURES_READ = "qXfer:features:read:";
    private static final String LIBRARIES_READ = "qXfer:libraries:read::";
    private static final String MONITOR = "qRcmd,";

    private final TargetDescription description;
    private final MonitorCommands monitor;
    private final Optional<ModuleLibraries> libraries;
    private final Consumer<String> console;

    /** @param console prints text on the client's console ({@code O} packets) */
    QueryPackets(TargetDescription description, MonitorCommands monitor, Optional<ModuleLibraries> libraries,
            Consumer<String> console) {
        this.description = description;
        this.monitor = monitor;
        this.libraries = libraries;
        this.console = console;
    }

    String answer(String query) {
        if (query.startsWith("qSupported")) {
            return libraries.isPresent() ? FEATURES + ";qXfer:libraries:read+" : FEATURES;
        }
        if (query.startsWith(FEATURES_READ)) {
            return features(query.substring(FEATURES_READ.length()));
        }
        if (query.startsWith(LIBRARIES_READ) && libraries.isPresent()) {
            return part(libraries.get().libraryListXml(), query.substring(LIBRARIES_READ.length()));
        }
        if (query.startsWith(MONITOR)) {
            console.accept(monitor.run(Hex.decodeText(query.substring(MONITOR.length()))));
            return "OK";
        }
        return switch (query) {
            case "qAttached" -> "1";
            case "qC" -> "QC01";
            case "qfThreadInfo" -> "m01";
            case "qsThreadInfo" -> "l";
            case "qSymbol::" -> "OK";
            default -> "";
        };
    }

    /** {@code annex:offset,length}; the only annex is target.xml. */
    private String features(String request) {
        int colon = request.indexOf(':');
        if (colon < 0) {
            throw new MalformedPacketException("qXfer:features:read needs 'annex:offset,length', got '" + request + "'");
        }
        if (!request.substring(0, colon).equals(TargetDescription.ANNEX)) {
            return "E00";
        }
        return part(description.xml(), request.substring(colon + 1));
    }

    /** {@code offset,length} of a document: 'm' and data if more follows, 'l' and data at its end. */
    private static String part(String document, String range) {
        StatePackets.Range requested = StatePackets.Range.parse(range);
        if (requested.address() < 0 || requested.address() >= document.length()) {
            return "l";
        }
        int start = (int) requested.address();
        int end = (int) Math.min(document.length(), start + Math.min(requested.length(), PacketChannel.MAX_PACKET / 2));
        return (end == document.length() ? "l" : "m") + document.substring(start, end);
    }
}
