package org.chariot.tests.ui;

import org.chariot.tests.support.DriverProject;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** For each test: the workbench page and a driver project; afterwards the editors are closed and the project deleted. */
final class DriverInWorkbench implements BeforeEachCallback, AfterEachCallback {

	private final String projectName;
	private DriverProject driver;
	private IWorkbenchPage page;

	DriverInWorkbench(String projectName) {
		this.projectName = projectName;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		driver = DriverProject.create(projectName);
		page = Workbench.page();
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		page.closeAllEditors(false);
		driver.close();
	}

	DriverProject driver() {
		return driver;
	}

	IWorkbenchPage page() {
		return page;
	}
}
