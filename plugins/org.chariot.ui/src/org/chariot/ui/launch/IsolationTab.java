package org.chariot.ui.launch;

import org.chariot.core.launch.DebuggerChoice;
import org.chariot.core.launch.ILaunchAttributes;
import org.chariot.core.launch.IsolationPolicy;
import org.eclipse.swt.widgets.Composite;

/**
 * What happens to an illegal write, whether reads are checked too, which debugger a debug launch uses, and which other
 * modules are isolated too.
 */
final class IsolationTab extends AttributeTab {

	IsolationTab() {
		super("Isolation");
	}

	@Override
	protected void createFields(Composite composite) {
		choice(composite, "Policy:", ILaunchAttributes.POLICY, IsolationPolicy.class);
		checkBox(composite, "Also check reads (past an object's end, after its free; reported, never stopped):",
				ILaunchAttributes.CHECK_READS);
		choice(composite, "Debugger (Debug As):", ILaunchAttributes.DEBUGGER, DebuggerChoice.class);
		lines(composite, "Other drivers to load, isolated too (directory or .ko, one a line):", ILaunchAttributes.OTHER_ISOLATED_MODULES);
	}
}
