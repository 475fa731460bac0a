package org.chariot.core.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;

/** A Chariot checkout or installation: the directory whose chariot script runs drivers in the guest. */
public record ChariotInstallation(Path root) {

	public static final String SCRIPT_NAME = "chariot";

	private static final String WHERE_TO_SET = " Set it in Window > Preferences > Chariot (or start Eclipse with"
			+ " CHARIOT_ROOT set).";

	/** The installation at the given root, checked: the script must be there and executable. */
	public static ChariotInstallation locate(String root) throws CoreException {
		if (root == null || root.isBlank()) {
			throw LaunchErrors.error("The Chariot root is not set: it is the directory that holds the 'chariot' script."
					+ WHERE_TO_SET);
		}
		Path directory = Path.of(root);
		Path script = directory.resolve(SCRIPT_NAME);
		if (!Files.isDirectory(directory)) {
			throw LaunchErrors.error("The Chariot root " + directory + " is not a directory." + WHERE_TO_SET);
		}
		if (!Files.isRegularFile(script)) {
			throw LaunchErrors.error("There is no 'chariot' script in the Chariot root " + directory
					+ ": choose the directory of a Chariot checkout." + WHERE_TO_SET);
		}
		if (!Files.isExecutable(script)) {
			throw LaunchErrors.error("The script " + script + " is not executable: run 'chmod +x " + script + "'.");
		}
		return new ChariotInstallation(directory);
	}

	public Path script() {
		return root.resolve(SCRIPT_NAME);
	}

	/** The guest kit's directory ({@code vmlinux}, {@code System.map}), as {@code chariot kit path} prints it. */
	public Path kitDirectory() throws CoreException {
		try {
			Process process = new ProcessBuilder(script().toString(), "kit", "path").directory(root.toFile())
					.redirectError(ProcessBuilder.Redirect.DISCARD).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (process.waitFor() != 0 || output.isEmpty()) {
				throw LaunchErrors.error("'" + script() + " kit path' failed (exit " + process.exitValue()
						+ "): run it in a terminal to see why.");
			}
			return Path.of(output.lines().reduce((first, last) -> last).orElseThrow());
		} catch (IOException e) {
			throw LaunchErrors.error("Cannot run " + script() + ": " + e.getMessage(), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw LaunchErrors.error("Interrupted while asking " + script() + " for the guest kit", e);
		}
	}
}
