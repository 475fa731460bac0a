/**
 * Chariot's workspace preferences (where the {@code chariot} script is) and
 * their initializer.
 */
package org.chariot.core.preferences;
