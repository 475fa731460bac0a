package org.chariot.ui.launch;

import org.chariot.core.launch.GuestMachine;
import org.chariot.core.launch.ILaunchAttributes;
import org.eclipse.swt.widgets.Composite;

/**
 * The guest machine: which one, memory, kernel command line, how long a run may take, the devices described in files
 * that it gets for the driver, and what drives its GPIO lines.
 */
final class GuestTab extends AttributeTab {

	GuestTab() {
		super("Guest");
	}

	@Override
	protected void createFields(Composite composite) {
		choice(composite, "Machine:", ILaunchAttributes.MACHINE, GuestMachine.class);
		positiveNumber(composite, "Memory (MiB):", ILaunchAttributes.GUEST_MEMORY_MIB,
				ILaunchAttributes.DEFAULT_GUEST_MEMORY_MIB);
		text(composite, "Extra kernel arguments:", ILaunchAttributes.KERNEL_ARGUMENTS, "");
		positiveNumber(composite, "Timeout (seconds):", ILaunchAttributes.TIMEOUT_SECONDS,
				ILaunchAttributes.DEFAULT_TIMEOUT_SECONDS);
		lines(composite, "Device files (one a line):", ILaunchAttributes.DEVICE_FILES);
		lines(composite, "GPIO inputs (LINE=high, low or lineN):", ILaunchAttributes.GPIO_INPUTS);
	}
}
