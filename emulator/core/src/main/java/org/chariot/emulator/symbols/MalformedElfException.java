package org.chariot.emulator.symbols;

import java.io.IOException;

/** An ELF file (a module or a kernel image) whose structure is broken or not what Chariot reads. */
public class MalformedElfException extends IOException {

    public MalformedElfException(String message) {
        super(message);
    }
}
