package org.chariot.ui.launch;

import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/** One widget of a launch tab bound to one launch attribute. */
interface AttributeField {

	void setDefault(ILaunchConfigurationWorkingCopy configuration);

	void read(ILaunchConfiguration configuration) throws CoreException;

	void write(ILaunchConfigurationWorkingCopy configuration);

	/** What is wrong with the value typed, if anything, in words that say how to fix it. */
	default Optional<String> problem() {
		return Optional.empty();
	}
}
