package org.chariot.emulator.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The bundled kernel's symbols from its {@code System.map} ({@code address type name} per line):
 * the address of a name, and the {@code symbol+offset/size} of an address inside the kernel image,
 * where a symbol's size is the distance to the next symbol, as in the kernel's own backtraces.
 */
public final class KernelSymbols {

    private record Entry(long address, String name) {
    }

    private final Entry[] byAddress;
    private final Map<String, Long> byName;

    private KernelSymbols(List<Entry> entries) {
        this.byAddress = entries.stream().sorted(Comparator.comparing(Entry::address, Long::compareUnsigned))
                .toArray(Entry[]::new);
        this.byName = new HashMap<>();
        for (Entry entry : byAddress) {
            byName.putIfAbsent(entry.name(), entry.address());
        }
    }

    public static KernelSymbols load(Path systemMap) throws IOException {
        List<String> lines = Files.readAllLines(systemMap);
        List<Entry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                parse(systemMap, i + 1, lines.get(i)).ifPresent(entries::add);
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(systemMap + " lists no kernel symbols: give the System.map of the guest kit");
        }
        return new KernelSymbols(entries);
    }

    /** Splits at single spaces, as the kernel build writes the file; it is read for every isolated run, so no regex. */
    private static Optional<Entry> parse(Path file, int number, String line) throws IOException {
        String[] fields = fields(line.strip());
        if (fields.length != 3 || fields[1].length() != 1) {
            throw new IOException(file + " line " + number + " is not 'address type name': '" + line
                    + "'. Give the System.map that the kernel build wrote.");
        }
        long address;
        try {
            address = Long.parseUnsignedLong(fields[0], 16);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + number + " starts with '" + fields[0]
                    + "', not a hexadecimal address. Give the System.map that the kernel build wrote.", e);
        }
        return isInImage(fields[1].charAt(0)) ? Optional.of(new Entry(address, fields[2])) : Optional.empty();
    }

    private static String[] fields(String line) {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0 || line.indexOf(' ', second + 1) >= 0) {
            return line.split("\\s+");
        }
        return new String[] {line.substring(0, first), line.substring(first + 1, second), line.substring(second + 1)};
    }

    /** Absolute symbols (type a/A) are constants, not places in the kernel; undefined ones (U) have no address. */
    private static boolean isInImage(char type) {
        return "aAUNw".indexOf(type) < 0;
    }

    /** The address of a kernel symbol. */
    public OptionalLong address(String name) {
        Long address = byName.get(name);
        return address == null ? OptionalLong.empty() : OptionalLong.of(address);
    }

    /**
     * The symbol at or before {@code address}; empty outside the kernel image (before its first symbol
     * or at or after its last, {@code _end}).
     */
    public Optional<SymbolOffset> symbolAt(long address) {
        int index = lastAtOrBefore(address);
        if (index < 0) {
            return Optional.empty();
        }
        int next = index + 1;
        while (next < byAddress.length && byAddress[next].address() == byAddress[index].address()) {
            next++;
        }
        if (next == byAddress.length) {
            return Optional.empty();
        }
        int first = firstWithSameAddress(index);
        Entry symbol = byAddress[first];
        return Optional.of(new SymbolOffset(symbol.name(), address - symbol.address(),
                byAddress[next].address() - symbol.address()));
    }

    private int lastAtOrBefore(long address) {
        int low = 0, high = byAddress.length - 1, found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (Long.compareUnsigned(byAddress[middle].address(), address) <= 0) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private int firstWithSameAddress(int index) {
        int first = index;
        while (first > 0 && byAddress[first - 1].address() == byAddress[index].address()) {
            first--;
        }
        return first;
    }
}
