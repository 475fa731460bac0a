package org.chariot.emulator.guest;

import java.util.ArrayList;
import java.util.List;

/** The Debian packages Chariot needs on the host, and how to find out which are missing. */
public final class HostPackages {

    /** To build the guest kit, drivers and guest programs. */
    public static final List<String> KIT = List.of("linux-source-6.1", "gcc-riscv64-linux-gnu",
            "binutils-riscv64-linux-gnu", "gcc", "make", "flex", "bison", "bc", "cpio", "libelf-dev", "rsync",
            "xz-utils", "gdb-multiarch");

    /** QEMU and OpenSBI, the reference machine. */
    public static final List<String> REFERENCE_MACHINE = List.of("qemu-system-misc", "opensbi");

    /**
     * What the test suite adds: a virtual display and GTK for the workbench tests, dtc to check device trees, lcov to
     * read coverage, tcpdump to read packet captures back.
     */
    public static final List<String> TESTS = List.of("xvfb", "xauth", "libgtk-3-0", "device-tree-compiler", "lcov",
            "tcpdump");

    private HostPackages() {
    }

    /** The packages of {@code wanted} that dpkg does not report as installed. */
    public static List<String> missing(List<String> wanted) throws GuestToolException {
        List<String> command = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package} ${db:Status-Status}\\n"));
        command.addAll(wanted);
        List<String> output = new ExternalCommand(command).run().output();
        List<String> missing = new ArrayList<>();
        for (String name : wanted) {
            if (!output.contains(name + " installed")) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The command that installs {@code packages}, as a person would type it. */
    public static List<String> installCommand(List<String> packages) {
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        command.addAll(packages);
        return command;
    }
}
