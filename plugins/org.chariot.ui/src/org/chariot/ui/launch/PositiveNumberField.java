package org.chariot.ui.launch;

import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.swt.widgets.Text;

/** An integer attribute that must be positive (memory, timeout). */
final class PositiveNumberField implements AttributeField {

	private final String attribute;
	private final String label;
	private final int defaultValue;
	private final Text text;

	PositiveNumberField(Text text, String attribute, String label, int defaultValue) {
		this.text = text;
		this.attribute = attribute;
		this.label = label;
		this.defaultValue = defaultValue;
	}

	@Override
	public void setDefault(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, defaultValue);
	}

	@Override
	public void read(ILaunchConfiguration configuration) throws CoreException {
		text.setText(Integer.toString(configuration.getAttribute(attribute, defaultValue)));
	}

	@Override
	public void write(ILaunchConfigurationWorkingCopy configuration) {
		configuration.setAttribute(attribute, value().orElse(defaultValue));
	}

	@Override
	public Optional<String> problem() {
		return value().isPresent() ? Optional.empty()
				: Optional.of(label + " must be a whole number greater than 0, not '" + text.getText().strip() + "'.");
	}

	private OptionalInt value() {
		try {
			int value = Integer.parseInt(text.getText().strip());
			return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
		} catch (NumberFormatException e) {
			return OptionalInt.empty(); // not a number: problem() says so
		}
	}
}
