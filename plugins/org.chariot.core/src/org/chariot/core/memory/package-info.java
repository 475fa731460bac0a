/**
 * The memory map of a run, headless: the module's sections, the objects granted to it and where its
 * violations wrote, built from the event stream ({@link org.chariot.core.memory.MemoryMapBuilder})
 * into regions the Memory Map view draws.
 */
package org.chariot.core.memory;
