package org.chariot.ui.preferences;

import org.chariot.core.launch.ChariotInstallation;
import org.chariot.core.preferences.ChariotPreferences;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Where Chariot is: the directory of the chariot script, checked when entered. */
public final class ChariotPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public ChariotPreferencePage() {
		super(GRID);
		setDescription("Chariot runs drivers through the 'chariot' script of a Chariot checkout."
				+ " The default is the CHARIOT_ROOT environment variable.");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, ChariotPreferences.QUALIFIER));
	}

	@Override
	protected void createFieldEditors() {
		addField(new ChariotRootEditor(getFieldEditorParent()));
	}

	/** A directory field that accepts only a directory holding an executable chariot script. */
	private static final class ChariotRootEditor extends DirectoryFieldEditor {

		ChariotRootEditor(Composite parent) {
			super(ChariotPreferences.CHARIOT_ROOT, "Chariot root:", parent);
			setEmptyStringAllowed(false);
		}

		@Override
		protected boolean checkState() {
			try {
				ChariotInstallation.locate(getStringValue());
				clearErrorMessage();
				return true;
			} catch (CoreException e) {
				showErrorMessage(e.getMessage());
				return false;
			}
		}
	}
}
