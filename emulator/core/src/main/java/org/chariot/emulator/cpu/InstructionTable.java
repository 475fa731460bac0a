package org.chariot.emulator.cpu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The hart's instructions, read from the declarative table {@code instructions.txt} next to this class. */
final class InstructionTable {

    private static final String RESOURCE = "instructions.txt";

    private final List<Encoding> encodings;

    private InstructionTable(List<Encoding> encodings) {
        this.encodings = List.copyOf(encodings);
    }

    /** The table shipped with the hart. */
    static InstructionTable standard() {
        try (InputStream in = InstructionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path next to "
                        + InstructionTable.class.getName() + "; rebuild chariot-emulator");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    List<Encoding> encodings() {
        return encodings;
    }

    static InstructionTable parse(String text) {
        Map<String, List<Encoding.Assignment>> formats = new HashMap<>();
        List<Encoding> encodings = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String content = line.replaceFirst("#.*", "").trim();
                if (content.isEmpty()) {
                    continue;
                }
                try {
                    List<String> tokens = Arrays.asList(content.split("\\s+"));
                    if (tokens.get(0).equals("format")) {
                        formats.put(tokens.get(1), assignments(tokens.subList(2, tokens.size())));
                    } else {
                        encodings.add(encoding(tokens, formats));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("instruction table line " + number + " (" + content + "): "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InstructionTable(encodings);
    }

    private static Encoding encoding(List<String> tokens, Map<String, List<Encoding.Assignment>> formats) {
        String mnemonic = tokens.get(0);
        int length = mnemonic.startsWith("c.") ? 2 : 4;
        StringBuilder pattern = new StringBuilder();
        int next = 1;
        while (pattern.length() < length * 8 && next < tokens.size() && tokens.get(next).matches("[01.]+")) {
            pattern.append(tokens.get(next++));
        }
        if (pattern.length() != length * 8) {
            throw new IllegalArgumentException("pattern has " + pattern.length() + " bits, needs " + length * 8);
        }
        String executes = length == 2 ? tokens.get(next++) : mnemonic;
        List<Encoding.Assignment> operands = new ArrayList<>();
        List<Encoding.Constraint> constraints = new ArrayList<>();
        for (String token : tokens.subList(next, tokens.size())) {
            if (token.contains("!=")) {
                String[] parts = token.split("!=");
                constraints.add(new Encoding.Constraint(Field.named(parts[0]), Long.decode(parts[1])));
            } else if (token.contains("=")) {
                operands.addAll(assignments(List.of(token)));
            } else if (formats.containsKey(token)) {
                operands.addAll(formats.get(token));
            } else {
                throw new IllegalArgumentException("unknown format " + token);
            }
        }
        return new Encoding(mnemonic, Opcode.forMnemonic(executes), length, mask(pattern), match(pattern),
                operands, constraints);
    }

    private static List<Encoding.Assignment> assignments(List<String> tokens) {
        List<Encoding.Assignment> result = new ArrayList<>();
        for (String token : tokens) {
            String[] parts = token.split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected operand=field, got " + token);
            }
            Encoding.Operand operand = Encoding.Operand.valueOf(parts[0].toUpperCase(Locale.ROOT));
            boolean constant = Character.isDigit(parts[1].charAt(0));
            result.add(constant
                    ? new Encoding.Assignment(operand, null, Long.decode(parts[1]))
                    : new Encoding.Assignment(operand, Field.named(parts[1]), 0));
        }
        return result;
    }

    private static int mask(CharSequence pattern) {
        int mask = 0;
        for (int i = 0; i < pattern.length(); i++) {
            mask = (mask << 1) | (pattern.charAt(i) == '.' ? 0 : 1);
        }
        return mask;
    }

    private static int match(CharSequence pattern) {
        int match = 0;
        for (int i = 0; i < pattern.length(); i++) {
            match = (match << 1) | (pattern.charAt(i) == '1' ? 1 : 0);
        }
        return match;
    }
}
