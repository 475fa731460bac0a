package org.chariot.ui.launch;

import java.util.Arrays;

import org.chariot.core.launch.ILaunchAttributes;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.widgets.Composite;

/** Which driver to run: a workspace project or a directory, the module, its parameters. */
final class DriverTab extends AttributeTab {

	DriverTab() {
		super("Driver");
	}

	@Override
	protected void createFields(Composite composite) {
		editableChoice(composite, "Project:", ILaunchAttributes.DRIVER_PROJECT, Arrays
				.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects()).filter(IProject::isOpen)
				.map(IProject::getName).toList());
		text(composite, "Or directory (or .ko):", ILaunchAttributes.DRIVER_DIRECTORY, "");
		text(composite, "Module name:", ILaunchAttributes.MODULE_NAME, "");
		lines(composite, "Module parameters (name=value, one a line):", ILaunchAttributes.MODULE_PARAMETERS);
	}
}
