package org.chariot.core.launch;

/** What the monitor does with an illegal write, by the names the command line takes. */
public enum IsolationPolicy implements CommandLineOption {
	/** The store is dropped and the driver goes on. */
	BLOCK("block"),
	/** The store lands and is recorded. */
	REPORT("report"),
	/** The machine stops before the store lands. */
	HALT("halt");

	private final String option;

	IsolationPolicy(String option) {
		this.option = option;
	}

	@Override
	public String option() {
		return option;
	}
}
