package org.chariot.ui.wizards;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;

import org.chariot.core.projects.DriverProjectCreation;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.IDE;

/** File > New > Chariot Driver Project: a driver project that builds and runs as it is. */
public final class NewDriverProjectWizard extends Wizard implements INewWizard {

	public static final String ID = "org.chariot.ui.wizards.newDriverProject";

	private IWorkbench workbench;
	private DriverProjectPage page;
	private IFile driverFile;

	public NewDriverProjectWizard() {
		setWindowTitle("New Chariot Driver Project");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench currentWorkbench, IStructuredSelection selection) {
		this.workbench = currentWorkbench;
	}

	@Override
	public void addPages() {
		page = new DriverProjectPage();
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		IProject project = page.getProjectHandle();
		URI location = page.useDefaults() ? null : page.getLocationURI();
		DriverProjectCreation creation = new DriverProjectCreation(project, location, page.moduleName());
		try {
			getContainer().run(true, true, new WorkspaceModifyOperation() {
				@Override
				protected void execute(IProgressMonitor monitor) throws CoreException {
					driverFile = creation.run(monitor);
				}
			});
		} catch (InvocationTargetException e) {
			IStatus status = Status.error("Could not create the driver project " + project.getName() + ": "
					+ e.getCause().getMessage(), e.getCause());
			ILog.of(NewDriverProjectWizard.class).log(status);
			ErrorDialog.openError(getShell(), "New Chariot Driver Project", null, status);
			return false;
		} catch (InterruptedException e) {
			return false; // the user canceled: the wizard stays open
		}
		openDriverFile();
		return true;
	}

	private void openDriverFile() {
		IWorkbenchPage activePage = workbench.getActiveWorkbenchWindow().getActivePage();
		try {
			IDE.openEditor(activePage, driverFile, EditorsUI.DEFAULT_TEXT_EDITOR_ID);
		} catch (PartInitException e) {
			ILog.of(NewDriverProjectWizard.class).log(e.getStatus());
		}
	}

	/** The driver's C file, once the wizard finished. */
	public IFile driverFile() {
		return driverFile;
	}
}
