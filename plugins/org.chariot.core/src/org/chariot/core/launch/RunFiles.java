package org.chariot.core.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.FrameworkUtil;

/** Where each run's event file goes: one directory per launch configuration, one file per run, all kept. */
public final class RunFiles {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

	private final Path directory;

	public RunFiles(Path directory) {
		this.directory = directory;
	}

	/** The runs directory under this plug-in's state location in the workspace metadata. */
	public static RunFiles inStateLocation() {
		return new RunFiles(Platform.getStateLocation(FrameworkUtil.getBundle(RunFiles.class)).toPath().resolve("runs"));
	}

	/** A new, not yet existing file for the next run of the configuration. */
	public Path newEventFile(String configurationName, LocalDateTime now) throws CoreException {
		Path runs = directory.resolve(safeFileName(configurationName));
		try {
			Files.createDirectories(runs);
		} catch (IOException e) {
			throw LaunchErrors.error("Cannot create the directory for run records " + runs + ": " + e.getMessage(), e);
		}
		String stamp = now.format(STAMP);
		Path file = runs.resolve(stamp + ".jsonl");
		for (int attempt = 2; Files.exists(file); attempt++) {
			file = runs.resolve(stamp + "-" + attempt + ".jsonl");
		}
		return file;
	}

	static String safeFileName(String name) {
		return name.replaceAll("[^A-Za-z0-9._-]", "_");
	}
}
