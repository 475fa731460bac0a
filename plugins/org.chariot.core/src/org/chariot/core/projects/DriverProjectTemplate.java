package org.chariot.core.projects;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.framework.FrameworkUtil;

/**
 * The files of a new driver project, from the templates this bundle ships (templates/driver/): a Kbuild Makefile, a
 * misc character device driver and a guest program that exercises it, with the module's name filled in.
 */
public final class DriverProjectTemplate {

	public static final String MAKEFILE = "Makefile";
	public static final String EXERCISE = "exercise.c";

	/** What Kbuild and C accept as a module name, within the kernel's MODULE_NAME_LEN of 56 with its NUL. */
	private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,54}");
	private static final String FOLDER = "templates/driver/";

	private DriverProjectTemplate() {
	}

	/** The module name a project name suggests: what C and Kbuild do not accept becomes '_'. */
	public static String moduleNameFor(String projectName) {
		String name = projectName.strip().replaceAll("[^A-Za-z0-9_]", "_");
		return !name.isEmpty() && Character.isDigit(name.charAt(0)) ? "_" + name : name;
	}

	/** Why the name cannot be a module's, or null if it can. */
	public static String problemWithModuleName(String name) {
		if (name.isEmpty()) {
			return "The module name is empty.";
		}
		if (!MODULE_NAME.matcher(name).matches()) {
			return "'" + name + "' is not a module name: letters, digits and '_', not starting with a digit, at most"
					+ " 55 characters.";
		}
		return null;
	}

	public static String driverFileName(String moduleName) {
		return moduleName + ".c";
	}

	/** File name to contents, in the order they are best created and shown. */
	public static Map<String, String> files(String moduleName, String projectName) throws IOException {
		Map<String, String> files = new LinkedHashMap<>();
		files.put(MAKEFILE, fill(read(MAKEFILE), moduleName, projectName));
		files.put(EXERCISE, fill(read(EXERCISE), moduleName, projectName));
		files.put(driverFileName(moduleName), fill(read("driver.c"), moduleName, projectName));
		return files;
	}

	private static String fill(String template, String moduleName, String projectName) {
		return template.replace("@MODULE@", moduleName).replace("@PROJECT@", projectName);
	}

	private static String read(String name) throws IOException {
		URL entry = FrameworkUtil.getBundle(DriverProjectTemplate.class).getEntry(FOLDER + name);
		if (entry == null) {
			throw new IOException("The Chariot core bundle lacks its template " + FOLDER + name + ": reinstall Chariot.");
		}
		try (InputStream in = entry.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
