package org.chariot.emulator.guest;

import java.nio.file.Path;

/** A host file that a run puts into the guest's root file system, at {@code guestPath} with {@code mode}. */
public record GuestFile(String guestPath, Path hostFile, int mode) {
}
