package org.chariot.ui.wizards;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.core.projects.ExampleDrivers;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.actions.WorkspaceModifyOperation;

/** File > Import > Chariot > Example Drivers: the checkout's examples as driver projects, ready to run. */
public final class ImportExamplesWizard extends Wizard implements IImportWizard {

	private ExamplesPage page;

	public ImportExamplesWizard() {
		setWindowTitle("Import Chariot Example Drivers");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		// the examples come from the Chariot root, not from the selection
	}

	@Override
	public void addPages() {
		page = new ExamplesPage(new ExampleDrivers(Path.of(ChariotPreferences.chariotRoot())));
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		List<Path> chosen = page.chosen();
		try {
			getContainer().run(true, true, new WorkspaceModifyOperation() {
				@Override
				protected void execute(IProgressMonitor monitor) throws CoreException {
					ExampleDrivers.importAll(chosen, ResourcesPlugin.getWorkspace().getRoot(), monitor);
				}
			});
			return true;
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause();
			IStatus status = cause instanceof CoreException core ? core.getStatus()
					: Status.error("Importing the examples failed: " + cause.getMessage(), cause);
			ILog.of(ImportExamplesWizard.class).log(status);
			ErrorDialog.openError(getShell(), "Import Chariot Example Drivers", null, status);
			return false;
		} catch (InterruptedException e) {
			return false; // canceled: the examples imported so far stay
		}
	}
}
