package org.chariot.emulator.devices.described;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chariot.emulator.devices.described.DeviceDescription.Action;
import org.chariot.emulator.devices.described.DeviceDescription.Buffer;
import org.chariot.emulator.devices.described.DeviceDescription.Interrupt;
import org.chariot.emulator.devices.described.DeviceDescription.Operand;
import org.chariot.emulator.devices.described.DeviceDescription.Placement;
import org.chariot.emulator.devices.described.DeviceDescription.Property;
import org.chariot.emulator.devices.described.DeviceDescription.Register;
import org.chariot.emulator.devices.described.DeviceDescription.Trigger;

/**
 * Reads a device file: one statement a line, {@code #} starts a comment, numbers are decimal or
 * {@code 0x} hex, durations a number with {@code ns}, {@code us}, {@code ms} or {@code s}. The
 * statements (their order does not matter; documented with a worked example in
 * {@code examples/drivers/user-device/README.md}):
 * <pre>
 * compatible VENDOR,DEVICE...
 * bus mmio [SIZE] | bus i2c ADDRESS | bus spi CHIP-SELECT
 * register NAME at OFFSET ACCESS [reset VALUE] [bytes N]
 * buffer NAME SIZE [at OFFSET]
 * interrupt while REGISTER &amp; MASK
 * on write REGISTER [&amp; MASK] [after DURATION]: ACTION, ...
 * every DURATION: ACTION, ...
 * property NAME NUMBER... | property NAME "TEXT"
 * </pre>
 * Actions: {@code set|clear|write|add REGISTER VALUE}, {@code read-memory ADDRESS LENGTH into
 * BUFFER}, {@code write-memory ADDRESS LENGTH from BUFFER}; a MASK, VALUE, ADDRESS or LENGTH is a
 * number or a register's name (its present value).
 */
public final class DeviceFile {

    public static final int MAX_MMIO_SIZE = 0x10000;
    static final Duration SHORTEST_PERIOD = Duration.ofMillis(1);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern COMPATIBLE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*,[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z0-9,._+#-]+");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ns|us|ms|s)");
    private static final List<String> STATEMENTS = List.of("compatible", "bus", "register", "buffer", "interrupt",
            "on", "every", "property");

    /** One line's statement: its number and its words. */
    private record Line(int number, List<String> words, String text) {
        String word(int i) {
            return i < words.size() ? words.get(i) : "";
        }
    }

    private final Path file;
    private final List<String> compatible = new ArrayList<>();
    private Placement placement;
    private int placementLine;
    private final Map<String, Integer> registerIndex = new LinkedHashMap<>();
    private final List<Register> registers = new ArrayList<>();
    private final Map<String, Integer> bufferIndex = new LinkedHashMap<>();
    private final List<Buffer> buffers = new ArrayList<>();
    private Interrupt interrupt;
    private final List<Trigger> triggers = new ArrayList<>();
    private final List<Property> properties = new ArrayList<>();

    private DeviceFile(Path file) {
        this.file = file;
    }

    /** Reads and checks {@code file}; the first problem found is the exception, with its line. */
    public static DeviceDescription read(Path file) throws DeviceFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DeviceFileException(file, 0, "cannot read the device file (" + e.getMessage()
                    + "): give an existing text file");
        }
        return parse(file, text);
    }

    /** Checks {@code text} as if read from {@code file}. */
    public static DeviceDescription parse(Path file, String text) throws DeviceFileException {
        return new DeviceFile(file).parse(text);
    }

    private DeviceDescription parse(String text) throws DeviceFileException {
        List<Line> lines = statements(text);
        // Three passes, so that a statement may name a register declared further down.
        for (Line line : lines) {
            switch (line.word(0)) {
                case "compatible" -> compatible(line);
                case "bus" -> bus(line);
                case "property" -> property(line);
                case "register", "buffer", "interrupt", "on", "every" -> { }
                default -> throw error(line, "'" + line.word(0) + "' is not a statement: use one of "
                        + String.join(", ", STATEMENTS));
            }
        }
        if (compatible.isEmpty()) {
            throw new DeviceFileException(file, 0, "no compatible statement: add one, e.g. 'compatible acme,sensor', "
                    + "naming what the driver's of_match_table binds to");
        }
        if (placement == null) {
            placement = new DeviceDescription.Mmio(0x1000);
            placementLine = 1;
        }
        for (Line line : lines) {
            switch (line.word(0)) {
                case "register" -> register(line);
                case "buffer" -> buffer(line);
                default -> { }
            }
        }
        for (Line line : lines) {
            switch (line.word(0)) {
                case "interrupt" -> interrupt(line);
                case "on" -> onWrite(line);
                case "every" -> every(line);
                default -> { }
            }
        }
        return new DeviceDescription(file, compatible, placement, placementLine, registers, buffers,
                Optional.ofNullable(interrupt), triggers, properties);
    }

    private List<Line> statements(String text) {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String content = withoutComment(raw[i]).strip();
            if (!content.isEmpty()) {
                lines.add(new Line(i + 1, Arrays.asList(content.split("\\s+")), content));
            }
        }
        return lines;
    }

    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private DeviceFileException error(Line line, String problem) {
        return new DeviceFileException(file, line.number(), problem);
    }

    // --- statements that do not name registers -------------------------------------------------

    private void compatible(Line line) throws DeviceFileException {
        if (!compatible.isEmpty()) {
            throw error(line, "a second compatible statement: list every string on one line");
        }
        if (line.words().size() < 2) {
            throw error(line, "compatible needs at least one string, e.g. 'compatible acme,sensor'");
        }
        for (String value : line.words().subList(1, line.words().size())) {
            if (!COMPATIBLE.matcher(value).matches()) {
                throw error(line, "'" + value + "' " + (value.contains(",") ? "is not a compatible string"
                        : "needs a vendor prefix") + ": write VENDOR,DEVICE, e.g. acme,sensor");
            }
            compatible.add(value);
        }
    }

    private void bus(Line line) throws DeviceFileException {
        if (placement != null) {
            throw error(line, "a second bus statement: a device sits on one bus");
        }
        placementLine = line.number();
        String kind = line.word(1);
        switch (kind) {
            case "mmio" -> {
                expectWords(line, 2, 3, "bus mmio [SIZE]");
                int size = line.words().size() == 3 ? (int) number(line, line.word(2), MAX_MMIO_SIZE) : 0x1000;
                if (size < 0x1000 || size % 0x1000 != 0) {
                    throw error(line, "an MMIO window is whole 4 KiB pages, 0x1000.." + hex(MAX_MMIO_SIZE)
                            + ", not " + hex(size));
                }
                placement = new DeviceDescription.Mmio(size);
            }
            case "i2c" -> {
                expectWords(line, 3, 3, "bus i2c ADDRESS");
                long address = number(line, line.word(2), 0x7f);
                if (address < 0x08 || address > 0x77) {
                    throw error(line, "I2C address " + hex(address) + " is reserved: use 0x08..0x77");
                }
                placement = new DeviceDescription.I2c((int) address);
            }
            case "spi" -> {
                expectWords(line, 3, 3, "bus spi CHIP-SELECT");
                placement = new DeviceDescription.Spi((int) number(line, line.word(2), 255));
            }
            default -> throw error(line, "'" + kind + "' is not a bus: write 'bus mmio [SIZE]', 'bus i2c ADDRESS' "
                    + "or 'bus spi CHIP-SELECT'");
        }
    }

    private void property(Line line) throws DeviceFileException {
        if (line.words().size() < 3) {
            throw error(line, "property needs a name and a value: 'property NAME NUMBER...' or "
                    + "'property NAME \"TEXT\"'");
        }
        String name = line.word(1);
        if (!PROPERTY_NAME.matcher(name).matches() || List.of("compatible", "reg", "interrupts",
                "interrupt-parent").contains(name)) {
            throw error(line, "'" + name + "' cannot be a property here: the machine writes compatible, reg and the "
                    + "interrupt itself; other names use letters, digits and , . _ + # -");
        }
        String rest = line.text().substring(line.text().indexOf(name) + name.length()).strip();
        if (rest.startsWith("\"")) {
            if (rest.length() < 2 || !rest.endsWith("\"") || rest.substring(1, rest.length() - 1).contains("\"")) {
                throw error(line, "a text property is one quoted string: property " + name + " \"TEXT\"");
            }
            properties.add(new Property(name, List.of(), rest.substring(1, rest.length() - 1)));
            return;
        }
        List<Long> cells = new ArrayList<>();
        for (String word : line.words().subList(2, line.words().size())) {
            cells.add(number(line, word, 0xffff_ffffL));
        }
        properties.add(new Property(name, cells, null));
    }

    // --- registers and buffers -----------------------------------------------------------------

    private void register(Line line) throws DeviceFileException {
        String usage = "register NAME at OFFSET ACCESS [reset VALUE] [bytes N]";
        if (line.words().size() < 5 || !line.word(2).equals("at")) {
            throw error(line, "write " + usage);
        }
        String name = newName(line, line.word(1));
        int offset = (int) number(line, line.word(3), placement.addressSpace() - 1);
        Access access = Access.named(line.word(4));
        if (access == null) {
            throw error(line, "'" + line.word(4) + "' is not an access: use " + Access.keywords());
        }
        boolean mmio = placement instanceof DeviceDescription.Mmio;
        int bytes = mmio ? 4 : 1;
        String resetText = null;
        for (int i = 5; i < line.words().size(); i += 2) {
            String option = line.word(i);
            String value = line.word(i + 1);
            if (value.isEmpty()) {
                throw error(line, "'" + option + "' needs a value: " + usage);
            }
            switch (option) {
                case "reset" -> resetText = value;
                case "bytes" -> {
                    bytes = (int) number(line, value, 8);
                    if (Integer.bitCount(bytes) != 1) {
                        throw error(line, "a register is 1, 2, 4 or 8 bytes wide, not " + bytes);
                    }
                }
                default -> throw error(line, "'" + option + "' is not a register option: " + usage);
            }
        }
        long mask = bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
        long reset = resetText == null ? 0 : number(line, resetText, mask);
        if (mmio && offset % bytes != 0) {
            throw error(line, "register " + name + " at " + hex(offset) + " is not aligned to its " + bytes + " bytes");
        }
        if (offset + bytes > placement.addressSpace()) {
            throw error(line, "register " + name + " ends past the device's " + hex(placement.addressSpace())
                    + " bytes of register space");
        }
        checkFree(line, name, offset, bytes);
        registerIndex.put(name, registers.size());
        registers.add(new Register(name, offset, bytes, access, reset));
    }

    private void buffer(Line line) throws DeviceFileException {
        if (line.words().size() != 3 && !(line.words().size() == 5 && line.word(3).equals("at"))) {
            throw error(line, "write buffer NAME SIZE [at OFFSET]");
        }
        String name = newName(line, line.word(1));
        int size = (int) number(line, line.word(2), 1 << 20);
        if (size == 0) {
            throw error(line, "buffer " + name + " needs a size of at least 1 byte");
        }
        boolean mapped = line.words().size() == 5;
        int offset = mapped ? (int) number(line, line.word(4), placement.addressSpace() - 1) : 0;
        if (mapped) {
            if (offset + size > placement.addressSpace()) {
                throw error(line, "buffer " + name + " ends past the device's " + hex(placement.addressSpace())
                        + " bytes of register space");
            }
            checkFree(line, name, offset, size);
        }
        bufferIndex.put(name, buffers.size());
        buffers.add(new Buffer(name, size, mapped, offset));
    }

    private String newName(Line line, String name) throws DeviceFileException {
        if (!NAME.matcher(name).matches()) {
            throw error(line, "'" + name + "' is not a name: use letters, digits and _, not starting with a digit");
        }
        if (registerIndex.containsKey(name) || bufferIndex.containsKey(name)) {
            throw error(line, "'" + name + "' is declared twice");
        }
        return name;
    }

    private void checkFree(Line line, String name, int offset, int size) throws DeviceFileException {
        for (Register other : registers) {
            if (offset < other.offset() + other.bytes() && other.offset() < offset + size) {
                throw error(line, name + " overlaps register " + other.name() + " at " + hex(other.offset()));
            }
        }
        for (Buffer other : buffers) {
            if (other.mapped() && offset < other.offset() + other.size() && other.offset() < offset + size) {
                throw error(line, name + " overlaps buffer " + other.name() + " at " + hex(other.offset()));
            }
        }
    }

    // --- behaviour -----------------------------------------------------------------------------

    private void interrupt(Line line) throws DeviceFileException {
        if (interrupt != null) {
            throw error(line, "a second interrupt statement: a device has one interrupt line");
        }
        if (line.words().size() != 5 || !line.word(1).equals("while") || !line.word(3).equals("&")) {
            throw error(line, "write interrupt while REGISTER & MASK (the line is high while that is not 0)");
        }
        interrupt = new Interrupt(registerNamed(line, line.word(2)), operand(line, line.word(4)));
    }

    private void onWrite(Line line) throws DeviceFileException {
        String usage = "on write REGISTER [& MASK] [after DURATION]: ACTION, ...";
        int colon = line.text().indexOf(':');
        if (colon < 0) {
            throw error(line, "no ':' before the actions: " + usage);
        }
        List<String> cause = Arrays.asList(line.text().substring(0, colon).strip().split("\\s+"));
        if (cause.size() < 3 || !cause.get(1).equals("write")) {
            throw error(line, "write " + usage);
        }
        int register = registerNamed(line, cause.get(2));
        long mask = -1L;
        Duration delay = Duration.ZERO;
        int i = 3;
        if (i < cause.size() && cause.get(i).equals("&")) {
            if (i + 1 >= cause.size()) {
                throw error(line, "'&' needs a mask: " + usage);
            }
            mask = number(line, cause.get(i + 1), -1L);
            i += 2;
        }
        if (i < cause.size() && cause.get(i).equals("after")) {
            if (i + 1 >= cause.size()) {
                throw error(line, "'after' needs a duration, e.g. after 2ms");
            }
            delay = duration(line, cause.get(i + 1));
            i += 2;
        }
        if (i != cause.size()) {
            throw error(line, "'" + cause.get(i) + "' is not expected here: " + usage);
        }
        triggers.add(new Trigger(new DeviceDescription.OnWrite(register, mask), delay,
                actions(line, line.text().substring(colon + 1))));
    }

    private void every(Line line) throws DeviceFileException {
        int colon = line.text().indexOf(':');
        List<String> cause = colon < 0 ? List.of()
                : Arrays.asList(line.text().substring(0, colon).strip().split("\\s+"));
        if (cause.size() != 2) {
            throw error(line, "write every DURATION: ACTION, ...");
        }
        Duration period = duration(line, cause.get(1));
        if (period.compareTo(SHORTEST_PERIOD) < 0) {
            throw error(line, "a period shorter than 1ms would keep the machine busy: use 1ms or more");
        }
        triggers.add(new Trigger(new DeviceDescription.Every(period), period,
                actions(line, line.text().substring(colon + 1))));
    }

    private List<Action> actions(Line line, String text) throws DeviceFileException {
        List<Action> actions = new ArrayList<>();
        for (String part : text.split(",")) {
            List<String> words = Arrays.asList(part.strip().split("\\s+"));
            actions.add(action(line, words));
        }
        return actions;
    }

    private Action action(Line line, List<String> w) throws DeviceFileException {
        String verb = w.getFirst();
        switch (verb) {
            case "set", "clear", "write", "add" -> {
                if (w.size() != 3) {
                    throw error(line, "write " + verb + " REGISTER VALUE");
                }
                int register = registerNamed(line, w.get(1));
                Operand value = operand(line, w.get(2));
                return switch (verb) {
                    case "set" -> new DeviceDescription.SetBits(register, value);
                    case "clear" -> new DeviceDescription.ClearBits(register, value);
                    case "write" -> new DeviceDescription.Assign(register, value);
                    default -> new DeviceDescription.Add(register, value);
                };
            }
            case "read-memory", "write-memory" -> {
                String preposition = verb.equals("read-memory") ? "into" : "from";
                if (w.size() != 5 || !w.get(3).equals(preposition)) {
                    throw error(line, "write " + verb + " ADDRESS LENGTH " + preposition + " BUFFER");
                }
                Integer buffer = bufferIndex.get(w.get(4));
                if (buffer == null) {
                    throw error(line, "no buffer named '" + w.get(4) + "': declare it with buffer NAME SIZE");
                }
                Operand address = operand(line, w.get(1));
                Operand length = operand(line, w.get(2));
                return verb.equals("read-memory") ? new DeviceDescription.ReadMemory(address, length, buffer)
                        : new DeviceDescription.WriteMemory(address, length, buffer);
            }
            default -> throw error(line, "'" + String.join(" ", w) + "' is not an action: use set, clear, write or "
                    + "add REGISTER VALUE, read-memory ADDRESS LENGTH into BUFFER, "
                    + "write-memory ADDRESS LENGTH from BUFFER");
        }
    }

    // --- words ---------------------------------------------------------------------------------

    private int registerNamed(Line line, String name) throws DeviceFileException {
        Integer index = registerIndex.get(name);
        if (index == null) {
            throw error(line, "no register named '" + name + "'" + (registers.isEmpty() ? ""
                    : ": the registers are " + String.join(", ", registerIndex.keySet())));
        }
        return index;
    }

    private Operand operand(Line line, String word) throws DeviceFileException {
        return NAME.matcher(word).matches() ? Operand.ofRegister(registerNamed(line, word))
                : Operand.of(number(line, word, -1L));
    }

    /** A decimal or hex number no larger than {@code max} (unsigned; -1 means any 64-bit value). */
    private long number(Line line, String word, long max) throws DeviceFileException {
        long value;
        try {
            value = word.startsWith("0x") || word.startsWith("0X") ? Long.parseUnsignedLong(word.substring(2), 16)
                    : Long.parseUnsignedLong(word);
        } catch (NumberFormatException e) {
            throw error(line, "'" + word + "' is not a number: write it in decimal or as 0x hex");
        }
        if (Long.compareUnsigned(value, max) > 0) {
            throw error(line, word + " is too large here: at most " + hex(max));
        }
        return value;
    }

    private Duration duration(Line line, String word) throws DeviceFileException {
        Matcher m = DURATION.matcher(word);
        if (!m.matches()) {
            throw error(line, "'" + word + "' is not a duration: write a number and ns, us, ms or s, e.g. 2ms");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private void expectWords(Line line, int min, int max, String usage) throws DeviceFileException {
        if (line.words().size() < min || line.words().size() > max) {
            throw error(line, "write " + usage);
        }
    }

    private static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
