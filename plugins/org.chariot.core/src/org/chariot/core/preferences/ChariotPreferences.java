package org.chariot.core.preferences;

import org.eclipse.core.runtime.Platform;

/** The Chariot preference keys (instance scope of this qualifier) and their current values. */
public final class ChariotPreferences {

	public static final String QUALIFIER = "org.chariot.core";
	/** The directory that holds the chariot script. */
	public static final String CHARIOT_ROOT = "chariotRoot";
	/** The environment variable the chariot script itself sets; the default of {@link #CHARIOT_ROOT}. */
	public static final String CHARIOT_ROOT_VARIABLE = "CHARIOT_ROOT";

	private ChariotPreferences() {
	}

	public static String chariotRoot() {
		return Platform.getPreferencesService().getString(QUALIFIER, CHARIOT_ROOT, "", null);
	}
}
