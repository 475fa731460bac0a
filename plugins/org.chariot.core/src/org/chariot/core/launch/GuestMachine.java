package org.chariot.core.launch;

/** Which machine runs the guest, by the names the command line takes. */
public enum GuestMachine implements CommandLineOption {
	/** Chariot's own emulator, the one that isolates. */
	OURS("ours"),
	/** QEMU, the reference machine: boots the same guest without isolation. */
	QEMU("qemu");

	private final String option;

	GuestMachine(String option) {
		this.option = option;
	}

	@Override
	public String option() {
		return option;
	}
}
