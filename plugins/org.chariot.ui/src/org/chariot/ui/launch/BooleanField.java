package org.chariot.ui.launch;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.widgets.Button;

/** A boolean attribute shown as a check box. */
final class BooleanField implements AttributeField {

	private final String attribute;
	private final Button box;

	BooleanField(String attribute, Button box) {
		this.attribute = attribute;
		this.box = box;
	}

	@Override
	public void setDefault(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, false);
	}

	@Override
	public void read(ILaunchConfiguration configuration) throws CoreException {
		box.setSelection(configuration.getAttribute(attribute, false));
	}

	@Override
	public void write(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, box.getSelection());
	}
}
