package org.chariot.emulator.monitor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.chariot.emulator.cpu.DebugAccess;
import org.chariot.emulator.cpu.StopReason;
import org.chariot.emulator.mmu.MemoryFault;

/**
 * A stopped hart as the monitor reads it: argument registers and 8-byte words of memory; reading
 * anything else faults.
 */
final class FakeGuest implements DebugAccess {
    private static final int A0 = 10;

    private final long[] x = new long[32];
    private final Map<Long, Byte> memory = new HashMap<>();

    FakeGuest arguments(long... values) {
        System.arraycopy(values, 0, x, A0, values.length);
        return this;
    }

    FakeGuest word(long address, long value) {
        byte[] bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
        for (int i = 0; i < bytes.length; i++) {
            memory.put(address + i, bytes[i]);
        }
        return this;
    }

    @Override
    public byte[] readMemory(long address, int length) throws MemoryFault {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            Byte value = memory.get(address + i);
            if (value == null) {
                throw new MemoryFault(13, address + i);
            }
            data[i] = value;
        }
        return data;
    }

    @Override
    public long x(int i) {
        return x[i];
    }

    @Override
    public void setX(int i, long value) {
        x[i] = value;
    }

    @Override
    public long pc() {
        return 0;
    }

    @Override
    public void setPc(long pc) {
    }

    @Override
    public int privilege() {
        return 1;
    }

    @Override
    public long csr(int number) {
        return 0;
    }

    @Override
    public void setCsr(int number, long value) {
    }

    @Override
    public void writeMemory(long address, byte[] data) {
        throw new UnsupportedOperationException("rules only read");
    }

    @Override
    public StopReason step() {
        throw new UnsupportedOperationException("rules do not run the hart");
    }

    @Override
    public void insertBreakpoint(long pc) {
    }

    @Override
    public void removeBreakpoint(long pc) {
    }
}
