package org.chariot.ui.views;

import java.nio.file.Path;
import java.util.function.Function;

import org.chariot.core.events.Violation;

/** The columns of the Violations view: header, width in characters, and the cell text of a violation. */
enum ViolationColumn {
	KIND("Kind", 16, violation -> violation.kind().wireName()),
	MODULE("Module", 12, Violation::module),
	FUNCTION("Function", 20, violation -> violation.source().function()),
	FILE_LINE("File:Line", 22, ViolationColumn::fileAndLine),
	ADDRESS("Address", 19, violation -> violation.address().toString()),
	SIZE("Size", 5, violation -> Integer.toString(violation.size())),
	TARGET("Target", 32, Violation::target),
	VERDICT("Verdict", 8, violation -> violation.verdict().toString());

	private final String header;
	private final int widthInCharacters;
	private final Function<Violation, String> text;

	ViolationColumn(String header, int widthInCharacters, Function<Violation, String> text) {
		this.header = header;
		this.widthInCharacters = widthInCharacters;
		this.text = text;
	}

	String header() {
		return header;
	}

	int widthInCharacters() {
		return widthInCharacters;
	}

	String text(Violation violation) {
		return text.apply(violation);
	}

	/** The file's name only: the full path is in the details pane. */
	private static String fileAndLine(Violation violation) {
		if (!violation.source().hasLine()) {
			return violation.source().toString();
		}
		Path fileName = Path.of(violation.source().file()).getFileName();
		return (fileName == null ? violation.source().file() : fileName.toString()) + ":" + violation.source().line();
	}
}
