package org.chariot.ui.wizards;

import org.chariot.core.projects.DriverProjectTemplate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;

/** The project's name and place, and the module's name, which follows the project's until the user edits it. */
final class DriverProjectPage extends WizardNewProjectCreationPage {

	private Text moduleField;
	private boolean moduleNameEdited;
	private boolean updatingModuleName;

	DriverProjectPage() {
		super("driverProject");
		setTitle("Chariot Driver Project");
		setDescription("A Linux driver (a misc character device to start from), its Kbuild Makefile, a program that"
				+ " exercises it in the guest, and a launch configuration that runs both.");
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		Composite page = (Composite) getControl();
		Composite module = new Composite(page, SWT.NONE);
		module.setLayout(new GridLayout(2, false));
		module.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(module, SWT.NONE).setText("&Module name:");
		moduleField = new Text(module, SWT.BORDER);
		moduleField.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		moduleField.addModifyListener(event -> {
			if (!updatingModuleName) {
				moduleNameEdited = true;
				setPageComplete(validatePage());
			}
		});
		setPageComplete(validatePage());
	}

	@Override
	protected boolean validatePage() {
		if (!super.validatePage()) {
			return false;
		}
		if (moduleField == null) {
			return true;
		}
		String suggested = DriverProjectTemplate.moduleNameFor(getProjectName());
		if (!moduleNameEdited && !moduleField.getText().equals(suggested)) {
			updatingModuleName = true;
			moduleField.setText(suggested);
			updatingModuleName = false;
		}
		String problem = DriverProjectTemplate.problemWithModuleName(moduleName());
		setErrorMessage(problem);
		return problem == null;
	}

	String moduleName() {
		return moduleField.getText().strip();
	}
}
