package org.chariot.ui.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.chariot.core.launch.CommandLineOption;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A launch tab made of labelled fields, each bound to one attribute of {@link org.chariot.core.launch.ILaunchAttributes};
 * subclasses only say which fields they have.
 */
abstract class AttributeTab extends AbstractLaunchConfigurationTab {

	private final String name;
	private final List<AttributeField> fields = new ArrayList<>();

	AttributeTab(String name) {
		this.name = name;
	}

	/** Adds the tab's fields to the composite (two columns: label, widget). */
	protected abstract void createFields(Composite composite);

	@Override
	public final void createControl(Composite parent) {
		Composite composite = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(composite);
		createFields(composite);
		setControl(composite);
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
		fields.forEach(field -> field.setDefault(configuration));
	}

	@Override
	public void initializeFrom(ILaunchConfiguration configuration) {
		try {
			for (AttributeField field : fields) {
				field.read(configuration);
			}
		} catch (CoreException e) {
			setErrorMessage("Cannot read the configuration: " + e.getMessage());
		}
	}

	@Override
	public void performApply(ILaunchConfigurationWorkingCopy configuration) {
		fields.forEach(field -> field.write(configuration));
	}

	@Override
	public boolean isValid(ILaunchConfiguration configuration) {
		Optional<String> problem = fields.stream().map(AttributeField::problem).flatMap(Optional::stream).findFirst();
		setErrorMessage(problem.orElse(null));
		return problem.isEmpty();
	}

	protected Text text(Composite parent, String label, String attribute, String defaultValue) {
		Text text = new Text(labelled(parent, label), SWT.SINGLE | SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
		text.addModifyListener(event -> updateLaunchConfigurationDialog());
		fields.add(new StringField(attribute, defaultValue, text::getText, text::setText));
		return text;
	}

	/** A boolean attribute, a check box right of its label. */
	protected Button checkBox(Composite parent, String label, String attribute) {
		Button box = new Button(labelled(parent, label), SWT.CHECK);
		box.addListener(SWT.Selection, event -> updateLaunchConfigurationDialog());
		fields.add(new BooleanField(attribute, box));
		return box;
	}

	/** A list attribute, edited one element a line. */
	protected Text lines(Composite parent, String label, String attribute) {
		Text text = new Text(labelled(parent, label), SWT.MULTI | SWT.BORDER | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, text.getLineHeight() * 4).applyTo(text);
		text.addModifyListener(event -> updateLaunchConfigurationDialog());
		fields.add(new ListField(attribute, () -> Arrays.stream(text.getText().split("\\R")).map(String::strip)
				.filter(line -> !line.isEmpty()).toList(), values -> text.setText(String.join("\n", values))));
		return text;
	}

	protected Text positiveNumber(Composite parent, String label, String attribute, int defaultValue) {
		Text text = new Text(labelled(parent, label), SWT.SINGLE | SWT.BORDER);
		GridDataFactory.fillDefaults().hint(100, SWT.DEFAULT).applyTo(text);
		text.addModifyListener(event -> updateLaunchConfigurationDialog());
		fields.add(new PositiveNumberField(text, attribute, label, defaultValue));
		return text;
	}

	/** A read-only list of the words the chariot command line takes for the option; the first is the default. */
	protected <E extends Enum<E> & CommandLineOption> Combo choice(Composite parent, String label, String attribute,
			Class<E> option) {
		List<String> options = Arrays.stream(option.getEnumConstants()).map(CommandLineOption::option).toList();
		Combo combo = new Combo(labelled(parent, label), SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setItems(options.toArray(String[]::new));
		combo.addModifyListener(event -> updateLaunchConfigurationDialog());
		fields.add(new StringField(attribute, options.get(0), combo::getText, combo::setText));
		return combo;
	}

	protected Combo editableChoice(Composite parent, String label, String attribute, List<String> options) {
		Combo combo = new Combo(labelled(parent, label), SWT.DROP_DOWN);
		combo.setItems(options.toArray(String[]::new));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
		combo.addModifyListener(event -> updateLaunchConfigurationDialog());
		fields.add(new StringField(attribute, "", combo::getText, combo::setText));
		return combo;
	}

	private static Composite labelled(Composite parent, String label) {
		new Label(parent, SWT.NONE).setText(label);
		return parent;
	}
}
