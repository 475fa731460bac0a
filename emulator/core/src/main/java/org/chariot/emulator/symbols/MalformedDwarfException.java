package org.chariot.emulator.symbols;

import java.io.IOException;

/** Debug information (DWARF) inside an otherwise readable ELF file that is truncated or inconsistent. */
public class MalformedDwarfException extends IOException {

    public MalformedDwarfException(String message) {
        super(message);
    }
}
