/**
 * The guest kit and what is built against it: {@link org.chariot.emulator.guest.GuestKit} (the
 * Linux kernel, its System.map, DWARF-derived offsets and modules, built by {@code build-kit.sh} and
 * cached by the hash of its inputs), drivers built by Kbuild ({@link
 * org.chariot.emulator.guest.DriverBuild}, skipped when nothing it would build changed), guest
 * programs, the initramfs, and the host's packages and tools ({@link
 * org.chariot.emulator.guest.HostPackages}, {@link org.chariot.emulator.guest.ExternalCommand}).
 */
package org.chariot.emulator.guest;
