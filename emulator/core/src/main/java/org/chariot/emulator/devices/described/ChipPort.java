package org.chariot.emulator.devices.described;

import org.chariot.emulator.devices.described.DeviceDescription.Register;

/**
 * A described chip's register space as a serial bus sees it: a register address, then bytes read
 * or written from there on, most significant byte of each register first. A write to a wider
 * register takes effect (and sets off its triggers) once its last byte arrives, or when the
 * transfer ends or moves to another register part-way.
 */
final class ChipPort {

    private final DescribedDevice device;
    private final int space;

    // State: the address, and the bytes of a register written so far.
    private int address;
    private int pendingRegister = -1;
    private long pendingValue, pendingLanes;

    ChipPort(DescribedDevice device) {
        this.device = device;
        this.space = device.description().placement().addressSpace();
    }

    void address(int value) {
        commit();
        address = value % space;
    }

    int read() {
        commit();
        int at = address;
        address = (address + 1) % space;
        int register = device.registerAt(at);
        if (register >= 0) {
            long lane = 0xffL << shift(register, at);
            return (int) ((device.read(register, lane) & lane) >>> shift(register, at));
        }
        int buffer = device.bufferAt(at);
        return buffer < 0 ? 0 : device.readBuffer(buffer, at - device.buffer(buffer).offset());
    }

    void write(int value) {
        int at = address;
        address = (address + 1) % space;
        int register = device.registerAt(at);
        if (register != pendingRegister) {
            commit();
        }
        if (register >= 0) {
            int shift = shift(register, at);
            pendingRegister = register;
            pendingValue |= (long) (value & 0xff) << shift;
            pendingLanes |= 0xffL << shift;
            if (shift == 0) {
                commit();
            }
            return;
        }
        int buffer = device.bufferAt(at);
        if (buffer >= 0) {
            device.writeBuffer(buffer, at - device.buffer(buffer).offset(), value);
        }
    }

    /** The transfer ended. */
    void end() {
        commit();
    }

    private void commit() {
        if (pendingRegister >= 0) {
            device.write(pendingRegister, pendingValue, pendingLanes);
            pendingRegister = -1;
            pendingValue = 0;
            pendingLanes = 0;
        }
    }

    private int shift(int register, int at) {
        Register r = device.register(register);
        return 8 * (r.offset() + r.bytes() - 1 - at);
    }
}
