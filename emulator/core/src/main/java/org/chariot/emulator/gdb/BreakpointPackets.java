package org.chariot.emulator.gdb;

/**
 * {@code Z}/{@code z} packets: type 0 (software) and 1 (hardware) breakpoints, type 2 write
 * watchpoints. Read and access watchpoints (3, 4) get the empty reply, "not supported": the MMU
 * observes stores only, so GDB says so when the user asks for {@code rwatch} or {@code awatch}.
 */
final class BreakpointPackets {

    private final BreakpointTable breakpoints;
    private final Watchpoints watchpoints;

    BreakpointPackets(BreakpointTable breakpoints, Watchpoints watchpoints) {
        this.breakpoints = breakpoints;
        this.watchpoints = watchpoints;
    }

    /** {@code Ztype,addr,kind}, without the Z. */
    String insert(String arguments) {
        String[] fields = fields(arguments);
        long address = Hex.parseNumber(fields[1]);
        switch (fields[0]) {
            case "0" -> breakpoints.insert(address, BreakpointTable.Kind.SOFTWARE);
            case "1" -> breakpoints.insert(address, BreakpointTable.Kind.HARDWARE);
            case "2" -> watchpoints.insert(address, Hex.parseSmall(fields[2]));
            default -> {
                return "";
            }
        }
        return "OK";
    }

    String remove(String arguments) {
        String[] fields = fields(arguments);
        long address = Hex.parseNumber(fields[1]);
        switch (fields[0]) {
            case "0", "1" -> breakpoints.remove(address);
            case "2" -> watchpoints.remove(address, Hex.parseSmall(fields[2]));
            default -> {
                return "";
            }
        }
        return "OK";
    }

    private static String[] fields(String arguments) {
        // conditions and commands after ';' are GDB's business, evaluated on its side
        String[] fields = arguments.split(";", 2)[0].split(",");
        if (fields.length != 3) {
            throw new MalformedPacketException("expected 'type,addr,kind', got '" + arguments + "'");
        }
        return fields;
    }
}
