package org.chariot.ui.launch;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/** A string attribute shown in a text or combo widget. */
final class StringField implements AttributeField {

	private final String attribute;
	private final String defaultValue;
	private final Supplier<String> widgetText;
	private final Consumer<String> showText;

	StringField(String attribute, String defaultValue, Supplier<String> widgetText, Consumer<String> showText) {
		this.attribute = attribute;
		this.defaultValue = defaultValue;
		this.widgetText = widgetText;
		this.showText = showText;
	}

	@Override
	public void setDefault(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, defaultValue);
	}

	@Override
	public void read(ILaunchConfiguration configuration) throws CoreException {
		showText.accept(configuration.getAttribute(attribute, defaultValue));
	}

	@Override
	public void write(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, widgetText.get().strip());
	}
}
