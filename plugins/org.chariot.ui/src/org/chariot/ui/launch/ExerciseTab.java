package org.chariot.ui.launch;

import org.chariot.core.launch.ILaunchAttributes;
import org.eclipse.swt.widgets.Composite;

/** What the guest runs against the loaded driver: a program, and the driver's KUnit suites. */
final class ExerciseTab extends AttributeTab {

	ExerciseTab() {
		super("Exercise");
	}

	@Override
	protected void createFields(Composite composite) {
		text(composite, "Program or C file:", ILaunchAttributes.EXERCISE, "");
		text(composite, "Arguments:", ILaunchAttributes.EXERCISE_ARGUMENTS, "");
		checkBox(composite, "Run the driver's KUnit suites:", ILaunchAttributes.KUNIT);
		text(composite, "KUnit filter (suite.case):", ILaunchAttributes.KUNIT_FILTER, "");
		checkBox(composite, "Record line coverage:", ILaunchAttributes.COVERAGE);
	}
}
