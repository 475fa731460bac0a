package org.chariot.ui.launch;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/** A list-of-strings attribute. */
final class ListField implements AttributeField {

	private final String attribute;
	private final Supplier<List<String>> widgetValues;
	private final Consumer<List<String>> showValues;

	ListField(String attribute, Supplier<List<String>> widgetValues, Consumer<List<String>> showValues) {
		this.attribute = attribute;
		this.widgetValues = widgetValues;
		this.showValues = showValues;
	}

	@Override
	public void setDefault(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, List.of());
	}

	@Override
	public void read(ILaunchConfiguration configuration) throws CoreException {
		showValues.accept(configuration.getAttribute(attribute, List.of()));
	}

	@Override
	public void write(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, widgetValues.get());
	}
}
