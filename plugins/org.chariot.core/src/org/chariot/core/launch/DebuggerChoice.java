package org.chariot.core.launch;

/** Which debugger a Debug As > Chariot Driver launch attaches to the guest's GDB stub, by its stored word. */
public enum DebuggerChoice implements CommandLineOption {
	/** Chariot's own debug model over the stub. */
	CHARIOT("chariot"),
	/** CDT's GDB Hardware Debugging, when CDT is installed: gdb-multiarch drives the stub. */
	CDT("cdt");

	private final String option;

	DebuggerChoice(String option) {
		this.option = option;
	}

	@Override
	public String option() {
		return option;
	}
}
