/**
 * The GPIO controller Linux drives in-tree ({@link org.chariot.emulator.devices.gpio.SifiveGpio}),
 * and what drives its lines from outside the machine ({@link org.chariot.emulator.devices.gpio.GpioInput}).
 */
package org.chariot.emulator.devices.gpio;
