package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.ui.launch.ChariotTabGroup;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.ILaunchConfigurationTab;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The launch tabs as real widgets: what the user types ends up in the configuration's attributes, and back. */
class ChariotTabGroupTest {

	private Shell shell;
	private ILaunchConfigurationTab[] tabs;
	private ILaunchConfigurationWorkingCopy configuration;

	@BeforeEach
	void createTabs() throws CoreException {
		shell = new Shell(Workbench.page().getWorkbenchWindow().getShell());
		ChariotTabGroup group = new ChariotTabGroup();
		group.createTabs(null, "run");
		tabs = group.getTabs();
		for (ILaunchConfigurationTab tab : tabs) {
			tab.createControl(shell);
		}
		configuration = DebugPlugin.getDefault().getLaunchManager()
				.getLaunchConfigurationType(ILaunchAttributes.LAUNCH_CONFIGURATION_TYPE).newInstance(null, "tabs");
		group.setDefaults(configuration);
		group.initializeFrom(configuration);
	}

	@AfterEach
	void dispose() {
		shell.dispose();
	}

	@Test
	void hasTheFourChariotTabsThenCommon() {
		assertEquals(List.of("Driver", "Exercise", "Isolation", "Guest", "Common"),
				Arrays.stream(tabs).map(ILaunchConfigurationTab::getName).toList());
	}

	@Test
	void savesWhatTheUserTyped() throws CoreException {
		texts(tab("Driver")).get(0).setText("/home/me/hello_drv");
		texts(tab("Driver")).get(2).setText("debug=1\n\nname=x\n");
		combos(tab("Isolation")).get(0).setText("halt");
		texts(tab("Guest")).get(2).setText("90");

		Arrays.stream(tabs).forEach(tab -> tab.performApply(configuration));

		assertEquals("/home/me/hello_drv", configuration.getAttribute(ILaunchAttributes.DRIVER_DIRECTORY, ""));
		assertEquals(List.of("debug=1", "name=x"), configuration.getAttribute(ILaunchAttributes.MODULE_PARAMETERS, List.of()));
		assertEquals("halt", configuration.getAttribute(ILaunchAttributes.POLICY, ""));
		assertEquals(90, configuration.getAttribute(ILaunchAttributes.TIMEOUT_SECONDS, 0));
		assertEquals(ILaunchAttributes.DEFAULT_GUEST_MEMORY_MIB, configuration.getAttribute(ILaunchAttributes.GUEST_MEMORY_MIB, 0));
	}

	@Test
	void showsWhatTheConfigurationHolds() {
		configuration.setAttribute(ILaunchAttributes.EXERCISE, "/usr/bin/hello-test");
		configuration.setAttribute(ILaunchAttributes.MACHINE, "qemu");
		tab("Exercise").initializeFrom(configuration);
		tab("Guest").initializeFrom(configuration);

		assertEquals("/usr/bin/hello-test", texts(tab("Exercise")).get(0).getText());
		assertEquals("qemu", combos(tab("Guest")).get(0).getText());
		assertEquals("60", texts(tab("Guest")).get(2).getText());
	}

	@Test
	void refusesAMemorySizeThatIsNotAPositiveNumber() {
		ILaunchConfigurationTab guest = tab("Guest");
		texts(guest).get(0).setText("lots");
		assertFalse(guest.isValid(configuration));
		assertTrue(guest.getErrorMessage().contains("Memory (MiB): must be a whole number greater than 0, not 'lots'"),
				guest.getErrorMessage());
		texts(guest).get(0).setText("256");
		assertTrue(guest.isValid(configuration));
	}

	private ILaunchConfigurationTab tab(String name) {
		return Arrays.stream(tabs).filter(tab -> tab.getName().equals(name)).findFirst().orElseThrow();
	}

	private static List<Text> texts(ILaunchConfigurationTab tab) {
		return children(tab, Text.class);
	}

	private static List<Combo> combos(ILaunchConfigurationTab tab) {
		return children(tab, Combo.class);
	}

	private static <T extends Control> List<T> children(ILaunchConfigurationTab tab, Class<T> type) {
		Control[] children = ((Composite) tab.getControl()).getChildren();
		return Arrays.stream(children).filter(type::isInstance).map(type::cast).toList();
	}
}
