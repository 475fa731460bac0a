package org.chariot.ui.perspective;

import org.chariot.ui.wizards.ExamplesOnFirstStart;
import org.eclipse.core.runtime.Status;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.statushandlers.StatusManager;

/**
 * On a new workspace that ./chariot ide starts, the window shows the Chariot perspective and fills the screen; a
 * workspace that has been used keeps the window and perspective its user left.
 */
public final class WindowOnFirstStart implements IStartup {

	@Override
	public void earlyStartup() {
		if (!Boolean.getBoolean(ExamplesOnFirstStart.NEW_WORKSPACE)) {
			return;
		}
		IWorkbench workbench = PlatformUI.getWorkbench();
		workbench.getDisplay().asyncExec(() -> {
			IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
			if (window != null) {
				open(window);
			}
		});
	}

	/** Shows the Chariot perspective in {@code window} and makes it as large as its monitor's work area. */
	public static void open(IWorkbenchWindow window) {
		IPerspectiveDescriptor chariot = window.getWorkbench().getPerspectiveRegistry()
				.findPerspectiveWithId(ChariotPerspective.ID);
		IWorkbenchPage page = window.getActivePage();
		if (chariot == null || page == null) {
			StatusManager.getManager().handle(Status.warning("The Chariot perspective could not be opened: "
					+ (chariot == null ? "it is not installed" : "the window has no page")), StatusManager.LOG);
		} else {
			page.setPerspective(chariot);
		}
		Shell shell = window.getShell();
		shell.setBounds(shell.getMonitor().getClientArea());
		shell.setMaximized(true);
	}
}
