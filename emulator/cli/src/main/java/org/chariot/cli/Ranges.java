package org.chariot.cli;

import org.chariot.emulator.machine.MachineConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The accepted range of every whole-number option, checked by picocli as it parses the command line
 * (defaults included), so that a value out of range is a usage error before any work starts:
 * {@code Invalid value for option '--memory': 1 is out of range; give 16 to 1024 (MiB)}.
 */
final class Ranges {

    /** Wall-time limits: a second at least, a day at most (a longer limit is a mistake, not a run). */
    private static final long DAY_SECONDS = 24 * 60 * 60;

    private Ranges() {
    }

    /** A range with its unit; the subclasses below name the options' ranges. */
    private abstract static class WholeNumber<T> implements ITypeConverter<T> {
        private final long min;
        private final long max;
        private final String unit;

        WholeNumber(long min, long max, String unit) {
            this.min = min;
            this.max = max;
            this.unit = unit;
        }

        @Override
        public T convert(String text) {
            long value;
            try {
                value = Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a whole number; give " + range());
            }
            if (value < min || value > max) {
                throw new TypeConversionException(value + " is out of range; give " + range());
            }
            return box(value);
        }

        abstract T box(long value);

        private String range() {
            String numbers = max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? min + " or more" : min + " to " + max;
            return unit.isEmpty() ? numbers : numbers + " (" + unit + ")";
        }
    }

    private abstract static class IntRange extends WholeNumber<Integer> {
        IntRange(long min, long max, String unit) {
            super(min, max, unit);
        }

        @Override
        Integer box(long value) {
            return (int) value;
        }
    }

    private abstract static class LongRange extends WholeNumber<Long> {
        LongRange(long min, long max, String unit) {
            super(min, max, unit);
        }

        @Override
        Long box(long value) {
            return value;
        }
    }

    /** The guest's RAM: what the machine accepts. */
    static final class MemoryMiB extends IntRange {
        MemoryMiB() {
            super(MachineConfig.MIN_MEMORY_MIB, MachineConfig.MAX_MEMORY_MIB, "MiB");
        }
    }

    static final class TimeoutSeconds extends LongRange {
        TimeoutSeconds() {
            super(1, DAY_SECONDS, "seconds");
        }
    }

    /** A loopback TCP port; 0 lets the system pick a free one. */
    static final class Port extends IntRange {
        Port() {
            super(0, 65_535, "a TCP port, or 0 for a free one");
        }
    }

    /** How many of something to do: runs, trials. */
    static final class Count extends IntRange {
        Count() {
            super(1, Integer.MAX_VALUE, "");
        }
    }

    /** How many to do first, possibly none: warm-up runs. */
    static final class OptionalCount extends IntRange {
        OptionalCount() {
            super(0, Integer.MAX_VALUE, "");
        }
    }

    static final class InstructionLimit extends LongRange {
        InstructionLimit() {
            super(1, Long.MAX_VALUE, "instructions");
        }
    }
}
