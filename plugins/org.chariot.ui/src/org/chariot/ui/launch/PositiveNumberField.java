package org.chariot.ui.launch;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;

/** An integer attribute that must be positive (memory, timeout). */
final class PositiveNumberField implements AttributeField {

	private final String attribute;
	private final String label;
	private final int defaultValue;
	private final Supplier<String> widgetText;
	private final Consumer<String> showText;

	PositiveNumberField(String attribute, String label, int defaultValue, Supplier<String> widgetText,
			Consumer<String> showText) {
		this.attribute = attribute;
		this.label = label;
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
		showText.accept(Integer.toString(configuration.getAttribute(attribute, defaultValue)));
	}

	@Override
	public void write(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, value().orElse(defaultValue));
	}

	@Override
	public Optional<String> problem() {
		return value().isPresent() ? Optional.empty()
				: Optional.of(label + " must be a whole number greater than 0, not '" + widgetText.get().strip() + "'.");
	}

	private OptionalInt value() {
		try {
			int value = Integer.parseInt(widgetText.get().strip());
			return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
		} catch (NumberFormatException e) {
			return OptionalInt.empty(); // not a number: problem() says so
		}
	}
}
