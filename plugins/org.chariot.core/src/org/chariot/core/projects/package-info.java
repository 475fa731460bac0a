/**
 * Driver projects: creating one from a template or from the bundled examples, and the launch
 * configurations a driver project gets.
 */
package org.chariot.core.projects;
