package org.chariot.debug.ui;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

/**
 * Makes workspace resources launchable, which is what the platform's Run As / Debug As context menus ask of a
 * selection before they offer its launch shortcuts: without it a driver project's menu has no Run As at all (other
 * IDEs' language tools register the same for their files). Which shortcut applies is still the shortcut's own
 * contextual enablement: Chariot Driver for a project or a C file.
 */
public final class LaunchableDrivers implements IAdapterFactory {

	private static final ILaunchable LAUNCHABLE = new ILaunchable() {
	};

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		return adaptable instanceof IResource && adapterType == ILaunchable.class ? adapterType.cast(LAUNCHABLE) : null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { ILaunchable.class };
	}
}
