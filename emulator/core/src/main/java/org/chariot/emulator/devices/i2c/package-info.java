/**
 * The I2C bus: a controller Linux drives in-tree ({@link org.chariot.emulator.devices.i2c.OcoresI2c})
 * and the chips behind it, each an {@link org.chariot.emulator.devices.i2c.I2cTarget} that sees
 * start, bytes and stop and describes itself as a child of the controller's device-tree node.
 */
package org.chariot.emulator.devices.i2c;
