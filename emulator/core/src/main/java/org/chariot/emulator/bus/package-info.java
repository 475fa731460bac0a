/**
 * The physical address space: {@link org.chariot.emulator.bus.Bus} maps RAM and memory-mapped
 * {@link org.chariot.emulator.bus.Device}s by address and checks each access's width once, against
 * the sizes the device says it supports; an access nothing answers, or a width a device refuses, is
 * an {@link org.chariot.emulator.bus.AccessFault}, which the hart turns into an access-fault trap.
 */
package org.chariot.emulator.bus;
