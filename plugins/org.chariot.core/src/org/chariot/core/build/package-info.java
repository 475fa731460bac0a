/**
 * Building a driver project in the workbench: the compiler's diagnostics from a Kbuild run ({@link
 * org.chariot.core.build.CompilerDiagnostic}) as problem markers on the driver's sources ({@link
 * org.chariot.core.build.BuildProblemMarkers}).
 */
package org.chariot.core.build;
