package org.chariot.debug.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;

/** A named group of the hart's registers (general purpose, or supervisor CSRs). */
final class HartRegisterGroup extends ChariotDebugElement implements IRegisterGroup {

	private final String name;
	private final List<IRegister> registers = new ArrayList<>();

	HartRegisterGroup(ChariotDebugTarget target, String name, Map<String, Long> values) {
		super(target);
		this.name = name;
		values.forEach((register, value) -> registers.add(new HartRegister(target, this, register, value)));
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public IRegister[] getRegisters() {
		return registers.toArray(IRegister[]::new);
	}

	@Override
	public boolean hasRegisters() {
		return !registers.isEmpty();
	}
}
