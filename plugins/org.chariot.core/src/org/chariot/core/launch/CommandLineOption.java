package org.chariot.core.launch;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant that the chariot command line names by a word. */
public interface CommandLineOption {

	String option();

	/** The constant the word names; a wrong word gets a message listing the right ones. */
	static <E extends Enum<E> & CommandLineOption> E parse(Class<E> type, String option) {
		E[] constants = type.getEnumConstants();
		return Arrays.stream(constants).filter(constant -> constant.option().equals(option)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("'" + option + "' is not one of "
						+ Arrays.stream(constants).map(CommandLineOption::option).collect(Collectors.joining(", "))));
	}
}
