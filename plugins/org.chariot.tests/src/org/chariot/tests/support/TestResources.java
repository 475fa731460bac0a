package org.chariot.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.FrameworkUtil;

/** Files shipped in this bundle's resources/ folder. */
public final class TestResources {

	/** The recorded run, as the emulator writes it; its paths name the driver directory by this placeholder. */
	public static final String SAMPLE_RUN = "resources/events/hello-run.jsonl";
	/** Real output of 'chariot run examples/drivers/chardev --machine qemu --json', recorded once. */
	public static final String RECORDED_QEMU_RUN = "resources/events/chardev-qemu-run.jsonl";
	/** buggy-overflow isolated on our machine: module sections, grants, a violation and the summary. */
	public static final String RECORDED_ISOLATED_RUN = "resources/events/buggy-overflow-isolated-run.jsonl";
	/** Grant records (allocation, stack frame, free) for the sample run's module, in the optional "grant" shape. */
	/** A real run of a driver with its KUnit suite: a case that overflowed through the driver, one that failed. */
	public static final String RECORDED_KUNIT_RUN = "resources/events/buggy-kunit-run.jsonl";
	/** lcov tracefile of the chardev example under its exercise, its source directory as {@link #DRIVER_DIR_PLACEHOLDER}. */
	public static final String RECORDED_COVERAGE = "resources/coverage/chardev-exercise.info";
	public static final String GRANTS = "resources/events/hello-grants.jsonl";
	public static final String DRIVER_DIR_PLACEHOLDER = "@DRIVER_DIR@";
	public static final String DRIVER_SOURCE = "resources/driver/hello_drv.c";
	public static final String SCHEMA = "/schema/event-stream.schema.json";

	private TestResources() {
	}

	public static String read(String path) throws IOException {
		URL entry = FrameworkUtil.getBundle(TestResources.class).getEntry(path);
		if (entry == null) {
			throw new IOException("no resource " + path + " in the test bundle");
		}
		try (InputStream in = entry.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The event stream schema, from the core bundle that ships it. */
	public static String schema() throws IOException {
		URL entry = FrameworkUtil.getBundle(org.chariot.core.events.EventParser.class).getEntry(SCHEMA);
		try (InputStream in = entry.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** Writes the sample run with its paths pointing into the given driver directory. */
	public static Path writeSampleRun(Path file, Path driverDirectory) throws IOException {
		String run = read(SAMPLE_RUN).replace(DRIVER_DIR_PLACEHOLDER, driverDirectory.toString());
		return Files.writeString(file, run, StandardCharsets.UTF_8);
	}
}
