package org.chariot.emulator.gdb;

import org.chariot.emulator.cpu.DebugAccess;

/** Something the stub itself watches for at a pc, with a breakpoint the client never sees. */
interface StopHook {

    /** The hart reached the hook's pc (not yet executed); true if the client must re-read its library list. */
    boolean reached(DebugAccess hart);
}
