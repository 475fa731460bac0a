package org.chariot.core.preferences;

import java.util.Objects;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;

/** Defaults the Chariot root to $CHARIOT_ROOT, so an IDE started from a Chariot checkout needs no setup. */
public final class ChariotPreferenceInitializer extends AbstractPreferenceInitializer {

	@Override
	public void initializeDefaultPreferences() {
		String root = Objects.requireNonNullElse(System.getenv(ChariotPreferences.CHARIOT_ROOT_VARIABLE), "");
		DefaultScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).put(ChariotPreferences.CHARIOT_ROOT, root);
	}
}
