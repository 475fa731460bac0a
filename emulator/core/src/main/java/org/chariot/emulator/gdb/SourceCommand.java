package org.chariot.emulator.gdb;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * The monitor commands about driver source lines, in a form front ends parse line by line:
 * {@code where ADDRESS} and {@code frames} print {@code #N 0xPC SYMBOL[ at FILE:LINE]}, {@code lines
 * FILE:LINE} prints one {@code 0xADDRESS} per line (none when no loaded module has code there).
 */
final class SourceCommand {

    static final Set<String> NAMES = Set.of("where", "frames", "lines");

    private final DebugAccess hart;
    private final SourceLines lines;

    SourceCommand(DebugAccess hart, SourceLines lines) {
        this.hart = hart;
        this.lines = lines;
    }

    String run(String name, String argument) {
        try {
            return switch (name) {
                case "where" -> "#0 " + lines.where(hart, Hex.parseNumber(argument.replaceFirst("^0[xX]", ""))).describe() + "\n";
                case "frames" -> frames();
                case "lines" -> addresses(argument);
                default -> throw new IllegalArgumentException(name);
            };
        } catch (MalformedPacketException | NumberFormatException e) {
            return "cannot read '" + argument + "': " + e.getMessage() + "\n";
        } catch (MemoryFault e) {
            return "cannot read the guest's memory: " + e.getMessage() + "\n";
        } catch (IOException e) {
            return "cannot read a module's debug information: " + e.getMessage() + "\n";
        }
    }

    private String frames() throws MemoryFault, IOException {
        StringBuilder text = new StringBuilder();
        List<SourceLines.Place> frames = Backtrace.of(hart, lines);
        for (int i = 0; i < frames.size(); i++) {
            text.append('#').append(i).append(' ').append(frames.get(i).describe()).append('\n');
        }
        return text.toString();
    }

    private String addresses(String fileAndLine) throws MemoryFault, IOException {
        int colon = fileAndLine.lastIndexOf(':');
        if (colon <= 0) {
            return "give FILE:LINE, not '" + fileAndLine + "'\n";
        }
        int line = Integer.parseInt(fileAndLine.substring(colon + 1));
        StringBuilder text = new StringBuilder();
        for (long address : lines.breakpointAddresses(hart, fileAndLine.substring(0, colon), line)) {
            text.append(String.format("0x%x%n", address));
        }
        return text.toString();
    }
}
