package org.chariot.ui.wizards;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.chariot.core.projects.ExampleDrivers;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ICheckStateProvider;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** The checkout's example drivers to choose from; those already in the workspace cannot be chosen again. */
final class ExamplesPage extends WizardPage {

	private final ExampleDrivers examples;
	private CheckboxTableViewer viewer;

	ExamplesPage(ExampleDrivers examples) {
		super("examples");
		this.examples = examples;
		setTitle("Chariot Example Drivers");
		setDescription("Copies the chosen examples into the workspace as driver projects, each with its launch"
				+ " configuration. The buggy-* examples each make one illegal write.");
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));
		viewer = CheckboxTableViewer.newCheckList(page, SWT.BORDER);
		viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 1, 2));
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				String name = ((Path) element).getFileName().toString();
				return alreadyImported((Path) element) ? name + " (in the workspace)" : name;
			}
		});
		viewer.setCheckStateProvider(new ICheckStateProvider() {
			@Override
			public boolean isChecked(Object element) {
				return false;
			}

			@Override
			public boolean isGrayed(Object element) {
				return alreadyImported((Path) element);
			}
		});
		viewer.addCheckStateListener(event -> {
			if (alreadyImported((Path) event.getElement())) {
				viewer.setChecked(event.getElement(), false);
			}
			setPageComplete(!chosen().isEmpty());
		});
		Button all = new Button(page, SWT.PUSH);
		all.setText("&Select All");
		all.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		all.addListener(SWT.Selection, event -> {
			Arrays.stream((Object[]) viewer.getInput()).filter(example -> !alreadyImported((Path) example))
					.forEach(example -> viewer.setChecked(example, true));
			setPageComplete(!chosen().isEmpty());
		});
		fill();
		setControl(page);
		setPageComplete(false);
	}

	private void fill() {
		try {
			viewer.setInput(examples.list().toArray());
		} catch (IOException e) {
			viewer.setInput(new Object[0]);
			setErrorMessage(e.getMessage());
		}
	}

	private static boolean alreadyImported(Path example) {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(example.getFileName().toString()).exists();
	}

	List<Path> chosen() {
		return Arrays.stream(viewer.getCheckedElements()).map(Path.class::cast).toList();
	}
}
