package org.chariot.emulator.gdb;

import java.util.List;

/** What a run's isolation monitor shows a debugger, for {@code monitor chariot violations}. */
public interface IsolationLog {

    /** The violations so far, oldest first, one line each. */
    List<String> violationLines();
}
