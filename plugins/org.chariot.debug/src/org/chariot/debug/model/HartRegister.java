package org.chariot.debug.model;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IRegisterGroup;
import org.eclipse.debug.core.model.IValue;
import org.eclipse.debug.core.model.IVariable;

/** One register of the hart as read when it stopped; read-only. */
final class HartRegister extends ChariotDebugElement implements IRegister {

	private final IRegisterGroup group;
	private final String name;
	private final long value;

	HartRegister(ChariotDebugTarget target, IRegisterGroup group, String name, long value) {
		super(target);
		this.group = group;
		this.name = name;
		this.value = value;
	}

	@Override
	public IValue getValue() {
		return new RegisterValue(target(), value);
	}

	@Override
	public String getName() {
		return name;
	}

	@Override
	public String getReferenceTypeName() {
		return "uint64";
	}

	@Override
	public boolean hasValueChanged() {
		return false;
	}

	@Override
	public IRegisterGroup getRegisterGroup() {
		return group;
	}

	@Override
	public void setValue(String expression) throws DebugException {
		throw notSupported();
	}

	@Override
	public void setValue(IValue newValue) throws DebugException {
		throw notSupported();
	}

	private DebugException notSupported() {
		return new DebugException(new Status(IStatus.ERROR, getModelIdentifier(), DebugException.NOT_SUPPORTED,
				"Registers are read-only in this version", null));
	}

	@Override
	public boolean supportsValueModification() {
		return false;
	}

	@Override
	public boolean verifyValue(String expression) {
		return false;
	}

	@Override
	public boolean verifyValue(IValue newValue) {
		return false;
	}

	/** A register's value: hexadecimal, as kernel addresses are read. */
	static final class RegisterValue extends ChariotDebugElement implements IValue {

		private final long value;

		RegisterValue(ChariotDebugTarget target, long value) {
			super(target);
			this.value = value;
		}

		@Override
		public String getReferenceTypeName() {
			return "uint64";
		}

		@Override
		public String getValueString() {
			return String.format("0x%016x", value);
		}

		@Override
		public boolean isAllocated() {
			return true;
		}

		@Override
		public IVariable[] getVariables() {
			return new IVariable[0];
		}

		@Override
		public boolean hasVariables() {
			return false;
		}
	}
}
