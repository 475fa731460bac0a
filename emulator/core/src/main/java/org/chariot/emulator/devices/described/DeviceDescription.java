package org.chariot.emulator.devices.described;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A device as its device file describes it: the compatible strings the driver binds to, where the
 * device sits (an MMIO window, an I2C address, an SPI chip select), its registers and buffers, the
 * condition of its interrupt line, what it does when a register is written or time passes, and
 * extra device-tree properties. {@link DeviceFile} makes one; a described device runs it.
 *
 * @param file where the description came from, for messages
 * @param placementLine the line of the {@code bus} statement (1 if the file has none), for messages about the place
 */
public record DeviceDescription(Path file, List<String> compatible, Placement placement, int placementLine,
        List<Register> registers, List<Buffer> buffers, Optional<Interrupt> interrupt, List<Trigger> triggers,
        List<Property> properties) {

    public DeviceDescription {
        compatible = List.copyOf(compatible);
        registers = List.copyOf(registers);
        buffers = List.copyOf(buffers);
        triggers = List.copyOf(triggers);
        properties = List.copyOf(properties);
    }

    /** Where the device sits, and so how the driver reaches its registers. */
    public sealed interface Placement {
        /** Bytes of register space: the MMIO window, or what a chip's address byte reaches. */
        int addressSpace();
    }

    /** A memory-mapped window of {@code size} bytes, registers little-endian. */
    public record Mmio(int size) implements Placement {
        @Override
        public int addressSpace() {
            return size;
        }
    }

    /** A chip at a 7-bit I2C address; a write's first byte is the register address, registers big-endian. */
    public record I2c(int address) implements Placement {
        @Override
        public int addressSpace() {
            return 256;
        }
    }

    /** A chip on an SPI chip select; a command byte's bit 7 says read, bits 6..0 the address, registers big-endian. */
    public record Spi(int chipSelect) implements Placement {
        @Override
        public int addressSpace() {
            return 128;
        }
    }

    /** A register: {@code bytes} wide at {@code offset}, starting at {@code reset}. */
    public record Register(String name, int offset, int bytes, Access access, long reset) {
        /** The bits the register has. */
        public long mask() {
            return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
        }

        boolean covers(int address) {
            return address >= offset && address < offset + bytes;
        }
    }

    /**
     * Device memory that DMA actions copy to and from; visible to the driver at {@code offset} in the
     * register space when {@code mapped}.
     */
    public record Buffer(String name, int size, boolean mapped, int offset) {
        boolean covers(int address) {
            return mapped && address >= offset && address < offset + size;
        }
    }

    /** A number, or the present value of a register (its index). */
    public record Operand(long constant, int register) {
        static Operand of(long constant) {
            return new Operand(constant, -1);
        }

        static Operand ofRegister(int register) {
            return new Operand(0, register);
        }
    }

    /** The interrupt line is high while {@code register & mask} is not zero. */
    public record Interrupt(int register, Operand mask) {
    }

    /** What sets actions off: a write to a register with any bit of a mask set, or a period. */
    public sealed interface Cause {
    }

    /** A driver's write to {@code register} whose written value has a bit of {@code mask} set. */
    public record OnWrite(int register, long mask) implements Cause {
    }

    /** Every {@code period} from power-on. */
    public record Every(Duration period) implements Cause {
    }

    /** Actions run, in order, {@code delay} after their cause (at once when zero). */
    public record Trigger(Cause cause, Duration delay, List<Action> actions) {
        public Trigger {
            actions = List.copyOf(actions);
        }
    }

    /** Something the device does to its own registers or buffers, or to guest memory. */
    public sealed interface Action {
    }

    /** {@code register |= value}. */
    public record SetBits(int register, Operand value) implements Action {
    }

    /** {@code register &= ~value}. */
    public record ClearBits(int register, Operand value) implements Action {
    }

    /** {@code register = value}. */
    public record Assign(int register, Operand value) implements Action {
    }

    /** {@code register += value}, wrapping at the register's width. */
    public record Add(int register, Operand value) implements Action {
    }

    /** DMA: {@code length} bytes of guest memory at {@code address} into the buffer (at most its size). */
    public record ReadMemory(Operand address, Operand length, int buffer) implements Action {
    }

    /** DMA: {@code length} bytes of the buffer (at most its size) into guest memory at {@code address}. */
    public record WriteMemory(Operand address, Operand length, int buffer) implements Action {
    }

    /** A device-tree property of the device's node: 32-bit cells, or a string when {@code text} is set. */
    public record Property(String name, List<Long> cells, String text) {
        public Property {
            cells = List.copyOf(cells);
        }
    }

    /** The first compatible string's device part, as a node name: {@code acme,thermo-2} gives {@code thermo-2}. */
    public String nodeName() {
        String first = compatible.getFirst();
        return first.substring(first.indexOf(',') + 1).toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }
}
