/**
 * Line coverage of a run in the IDE: the lcov tracefile that {@code chariot run --coverage} writes, read
 * ({@link org.chariot.core.coverage.LcovTracefile}), marked on the driver's C files
 * ({@link org.chariot.core.coverage.CoverageMarkers}) and announced to the views
 * ({@link org.chariot.core.coverage.ChariotCoverage}).
 */
package org.chariot.core.coverage;
