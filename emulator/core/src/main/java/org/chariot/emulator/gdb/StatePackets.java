package org.chariot.emulator.gdb;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.mmu.MemoryFault;

/** Registers and memory of the stopped hart: {@code g G p P m M X}. */
final class StatePackets {

    static final String MEMORY_FAULT = "E14";
    static final String BAD_REGISTER = "E02";
    /** The most bytes one {@code m} reply carries, in hex, within the announced packet size. */
    private static final int MAX_READ = (PacketChannel.MAX_PACKET - 16) / 2;

    private final DebugAccess hart;
    private final RegisterFile registers;

    StatePackets(DebugAccess hart, RegisterFile registers) {
        this.hart = hart;
        this.registers = registers;
    }

    String readAll() {
        StringBuilder reply = new StringBuilder(RegisterFile.GENERAL_COUNT * 16);
        for (int i = 0; i < RegisterFile.GENERAL_COUNT; i++) {
            reply.append(Hex.register(registers.read(hart, i)));
        }
        return reply.toString();
    }

    /** {@code G}: as many registers, in order from x0, as the packet holds. */
    String writeAll(String values) {
        int count = Math.min(values.length() / 16, RegisterFile.GENERAL_COUNT);
        for (int i = 0; i < count; i++) {
            registers.write(hart, i, Hex.parseRegister(values.substring(16 * i, 16 * i + 16)));
        }
        return "OK";
    }

    String readOne(String number) {
        try {
            return Hex.register(registers.read(hart, Hex.parseSmall(number)));
        } catch (IllegalArgumentException e) {
            return BAD_REGISTER;
        }
    }

    /** {@code P n=value}. */
    String writeOne(String assignment) {
        int equals = assignment.indexOf('=');
        if (equals < 0) {
            throw new MalformedPacketException("P needs 'number=value', got '" + assignment + "'");
        }
        try {
            registers.write(hart, Hex.parseSmall(assignment.substring(0, equals)),
                    Hex.parseRegister(assignment.substring(equals + 1)));
            return "OK";
        } catch (IllegalArgumentException e) {
            return BAD_REGISTER;
        }
    }

    /** {@code m addr,length}: as many bytes as are readable from {@code addr}, up to the length. */
    String readMemory(String arguments) {
        Range range = Range.parse(arguments);
        int length = (int) Math.min(range.length(), MAX_READ);
        try {
            return Hex.HEX.formatHex(hart.readMemory(range.address(), length));
        } catch (MemoryFault fault) {
            byte[] readable = readablePrefix(range.address(), length);
            return readable.length == 0 ? MEMORY_FAULT : Hex.HEX.formatHex(readable);
        }
    }

    private byte[] readablePrefix(long address, int length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < length; i++) {
                bytes.write(hart.readMemory(address + i, 1)[0]);
            }
        } catch (MemoryFault endOfReadable) {
            // the reply carries what could be read; GDB asks again for the rest and gets the error
        }
        return bytes.toByteArray();
    }

    /** {@code M addr,length:hex}. */
    String writeMemoryHex(String arguments) {
        int colon = colon(arguments);
        byte[] data = Hex.HEX.parseHex(arguments.substring(colon + 1));
        return write(Range.parse(arguments.substring(0, colon)), data);
    }

    /** {@code X addr,length:binary}; a zero length probes whether X is supported. */
    String writeMemoryBinary(String arguments) {
        int colon = colon(arguments);
        byte[] data = arguments.substring(colon + 1).getBytes(StandardCharsets.ISO_8859_1);
        return write(Range.parse(arguments.substring(0, colon)), data);
    }

    private String write(Range range, byte[] data) {
        if (data.length != range.length()) {
            throw new MalformedPacketException("the packet says " + range.length() + " bytes but carries " + data.length);
        }
        try {
            hart.writeMemory(range.address(), data);
            return "OK";
        } catch (MemoryFault fault) {
            return MEMORY_FAULT;
        }
    }

    private static int colon(String arguments) {
        int colon = arguments.indexOf(':');
        if (colon < 0) {
            throw new MalformedPacketException("expected 'addr,length:data', got '" + arguments + "'");
        }
        return colon;
    }

    /** {@code addr,length} as memory packets give them. */
    record Range(long address, long length) {
        static Range parse(String text) {
            int comma = text.indexOf(',');
            if (comma < 0) {
                throw new MalformedPacketException("expected 'addr,length', got '" + text + "'");
            }
            return new Range(Hex.parseNumber(text.substring(0, comma)), Hex.parseSmall(text.substring(comma + 1)));
        }
    }
}
