/**
 * The Chariot debug model's bundle: its identity and problem reporting ({@link
 * org.chariot.debug.ChariotDebug}); the model itself is in the subpackages (the GDB remote protocol
 * client, breakpoints, the launch, source lookup).
 */
package org.chariot.debug;
