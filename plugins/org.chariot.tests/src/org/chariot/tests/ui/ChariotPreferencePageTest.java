package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.ui.preferences.ChariotPreferencePage;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chariot preference page checks the root the user enters and stores it for launches. */
class ChariotPreferencePageTest {

	@TempDir
	Path root;

	private Shell shell;
	private ChariotPreferencePage page;
	private Text rootField;

	@BeforeEach
	void openPage() {
		shell = new Shell(Workbench.page().getWorkbenchWindow().getShell());
		page = new ChariotPreferencePage();
		page.init(PlatformUI.getWorkbench());
		page.createControl(shell);
		rootField = firstText(page.getControl()).orElseThrow();
	}

	@AfterEach
	void closePage() {
		InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).remove(ChariotPreferences.CHARIOT_ROOT);
		page.dispose();
		shell.dispose();
	}

	@Test
	void defaultsToTheChariotRootVariable() {
		assertEquals(Objects.requireNonNullElse(System.getenv(ChariotPreferences.CHARIOT_ROOT_VARIABLE), ""),
				DefaultScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER).get(ChariotPreferences.CHARIOT_ROOT, null));
	}

	@Test
	void refusesADirectoryWithoutTheScriptAndSaysWhy() {
		type(root.toString());
		assertFalse(page.isValid());
		assertTrue(page.getErrorMessage().contains("There is no 'chariot' script"), page.getErrorMessage());
	}

	@Test
	void storesAValidRootForLaunches() throws Exception {
		Files.createFile(root.resolve("chariot"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		type(root.toString());
		assertTrue(page.isValid());
		assertNull(page.getErrorMessage());

		assertTrue(page.performOk());
		assertEquals(root.toString(), ChariotPreferences.chariotRoot());
	}

	/** Types the text in the field and leaves it: a directory field editor checks its value when focus leaves. */
	private void type(String text) {
		rootField.setText(text);
		rootField.notifyListeners(SWT.FocusOut, new Event());
	}

	private static Optional<Text> firstText(Control control) {
		if (control instanceof Text text) {
			return Optional.of(text);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				Optional<Text> found = firstText(child);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}
}
