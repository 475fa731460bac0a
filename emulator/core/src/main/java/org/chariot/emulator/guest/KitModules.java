package org.chariot.emulator.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kernel's own modules that come with the kit ({@code =m} in its kernel config, in its
 * {@code modules/} directory), by the kernel's name for each, and the order in which a set of
 * modules and the kit modules they depend on must load (what modprobe reads from modules.dep).
 */
public final class KitModules {

    /** Enough for any real chain of module dependencies; a longer one is a cycle. */
    private static final int MAX_DEPTH = 32;

    private final Path directory;
    private Map<String, Path> byName;

    KitModules(Path directory) {
        this.directory = directory;
    }

    /** The names of every kit module, sorted. */
    public Set<String> names() throws GuestToolException {
        return files().keySet();
    }

    /** The kit module the kernel calls {@code name} ({@code -} and {@code _} are the same, as for modprobe). */
    public KernelModule module(String name) throws GuestToolException {
        Path file = files().get(KernelModule.nameOf(name));
        if (file == null) {
            throw new GuestToolException("the guest kit has no module '" + name + "': ./chariot kit modules lists "
                    + "them; a module the kit lacks needs its option (=m) in emulator/guest/kernel.config");
        }
        return KernelModule.of(file);
    }

    /**
     * The kit modules that {@code modules} need and that are not among them, each once, in an
     * order that loads every module after what it depends on.
     */
    public List<KernelModule> dependenciesOf(List<KernelModule> modules) throws GuestToolException {
        Set<String> given = modules.stream().map(KernelModule::name).collect(Collectors.toSet());
        Map<String, KernelModule> ordered = new LinkedHashMap<>();
        for (KernelModule module : modules) {
            addDependencies(module, given, ordered, 0);
        }
        return List.copyOf(ordered.values());
    }

    private void addDependencies(KernelModule module, Set<String> given, Map<String, KernelModule> ordered, int depth)
            throws GuestToolException {
        if (depth > MAX_DEPTH) {
            throw new GuestToolException("the dependencies of module " + module.name() + " do not end: the kit's "
                    + "modules depend on each other in a cycle; rebuild the kit with ./chariot setup");
        }
        for (String dependency : module.info().dependencies()) {
            String name = KernelModule.nameOf(dependency);
            if (given.contains(name) || ordered.containsKey(name)) {
                continue;
            }
            if (!files().containsKey(name)) {
                throw new GuestToolException("module " + module.name() + " needs module " + name + ", which the guest "
                        + "kit does not have: load it too (a driver directory or .ko before " + module.name() + ")");
            }
            KernelModule needed = module(name);
            addDependencies(needed, given, ordered, depth + 1);
            ordered.put(name, needed);
        }
    }

    private Map<String, Path> files() throws GuestToolException {
        if (byName == null) {
            if (!Files.isDirectory(directory)) {
                throw new GuestToolException("the guest kit has no modules directory " + directory
                        + ": rebuild it with ./chariot setup");
            }
            try (Stream<Path> entries = Files.list(directory)) {
                Map<String, Path> found = new TreeMap<>();
                for (Path file : entries.filter(f -> f.getFileName().toString().endsWith(".ko")).toList()) {
                    String fileName = file.getFileName().toString();
                    found.put(KernelModule.nameOf(fileName.substring(0, fileName.length() - 3)), file);
                }
                byName = found;
            } catch (IOException e) {
                throw new GuestToolException("cannot list the kit's modules in " + directory + ": " + e.getMessage(), e);
            }
        }
        return byName;
    }
}
