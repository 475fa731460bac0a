package org.chariot.debug.ui;

import java.util.Arrays;
import java.util.Optional;

import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.debug.ChariotDebug;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationType;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;

/**
 * Run As / Debug As > Chariot Driver on a driver project (or a file in it): the project's Chariot Driver
 * configuration, created with the defaults the first time.
 */
public final class ChariotLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection structured) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			if (resource != null) {
				launch(resource.getProject(), mode);
			}
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IResource resource = Adapters.adapt(editor.getEditorInput(), IResource.class);
		if (resource != null) {
			launch(resource.getProject(), mode);
		}
	}

	private static void launch(IProject project, String mode) {
		try {
			DebugUITools.launch(configuration(project), mode);
		} catch (CoreException e) {
			ChariotDebug.log(e.getStatus());
		}
	}

	private static ILaunchConfiguration configuration(IProject project) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		ILaunchConfigurationType type = manager.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE);
		Optional<ILaunchConfiguration> existing = Arrays.stream(manager.getLaunchConfigurations(type))
				.filter(c -> project.getName().equals(driverProject(c))).findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		var copy = type.newInstance(null, manager.generateLaunchConfigurationName(project.getName()));
		copy.setAttribute(ILaunchAttributes.DRIVER_PROJECT, project.getName());
		copy.setMappedResources(new IResource[] { project });
		return copy.doSave();
	}

	private static String driverProject(ILaunchConfiguration configuration) {
		try {
			return configuration.getAttribute(ILaunchAttributes.DRIVER_PROJECT, "");
		} catch (CoreException e) {
			ChariotDebug.log(e.getStatus());
			return "";
		}
	}
}
