/**
 * KUnit in the guest: the suites a driver's own Kbuild builds as a module run when that module is
 * loaded after the driver (isolated), and their results come back as KTAP on the console
 * ({@link org.chariot.emulator.kunit.KtapParser}).
 */
package org.chariot.emulator.kunit;
