package org.chariot.tests.ui;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;

/** The test workbench's page, its window the size of the virtual screen so that screenshots show everything. */
final class Workbench {

	private Workbench() {
	}

	static IWorkbenchPage page() {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		page.getWorkbenchWindow().getShell().setBounds(0, 0, 1600, 1000);
		return page;
	}
}
