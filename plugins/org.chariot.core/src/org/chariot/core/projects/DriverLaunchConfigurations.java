package org.chariot.core.projects;

import java.util.List;

import org.chariot.core.launch.ILaunchAttributes;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/**
 * The Chariot Driver launch configuration a driver project comes with: shared (a .launch file in the project, so it
 * travels with it and shows in Run > Run Configurations at once), named like the project.
 */
public final class DriverLaunchConfigurations {

	private DriverLaunchConfigurations() {
	}

	/**
	 * @param exercise the project's exercise program, or null for a run that only loads and unloads the driver
	 * @param deviceFiles the project's device descriptions, each a device the machine gets for the driver
	 */
	public static ILaunchConfiguration createFor(IProject project, IFile exercise, List<IFile> deviceFiles)
			throws CoreException {
		ILaunchConfigurationWorkingCopy configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE)
				.newInstance(project, project.getName());
		configuration.setAttribute(ILaunchAttributes.DRIVER_PROJECT, project.getName());
		if (exercise != null) {
			configuration.setAttribute(ILaunchAttributes.EXERCISE, "${workspace_loc:" + exercise.getFullPath() + "}");
		}
		if (!deviceFiles.isEmpty()) {
			configuration.setAttribute(ILaunchAttributes.DEVICE_FILES, deviceFiles.stream()
					.map(file -> "${workspace_loc:" + file.getFullPath() + "}").toList());
		}
		configuration.setMappedResources(new IResource[] { project });
		return configuration.doSave();
	}
}
