package org.chariot.emulator.devices.described;

import java.nio.file.Path;

/** A device file that cannot be used: its message is {@code file:line: what is wrong}, and what to do. */
public final class DeviceFileException extends Exception {

    private final Path file;
    private final int line;

    public DeviceFileException(Path file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The line at fault, from 1; 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
