/**
 * Finding a report's source file in the workspace: a path from the module's DWARF (often relative
 * to its build directory) resolved to the project's file ({@link
 * org.chariot.core.sources.SourceFileResolver}).
 */
package org.chariot.core.sources;
