package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.chariot.core.launch.ChariotInstallation;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChariotInstallationTest {

	@TempDir
	Path root;

	@Test
	void acceptsADirectoryWithAnExecutableScript() throws Exception {
		Files.createFile(root.resolve("chariot"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		assertEquals(root.resolve("chariot"), ChariotInstallation.locate(root.toString()).script());
	}

	@Test
	void saysWhereToSetAnEmptyRoot() {
		assertProblem("", "The Chariot root is not set");
		assertProblem("", "Window > Preferences > Chariot");
	}

	@Test
	void rejectsARootThatIsNotADirectory() {
		assertProblem(root.resolve("nowhere").toString(), "is not a directory");
	}

	@Test
	void rejectsARootWithoutTheScript() {
		assertProblem(root.toString(), "There is no 'chariot' script");
	}

	@Test
	void tellsHowToMakeTheScriptExecutable() throws Exception {
		Files.createFile(root.resolve("chariot"));
		assertProblem(root.toString(), "chmod +x " + root.resolve("chariot"));
	}

	private static void assertProblem(String configuredRoot, String expected) {
		CoreException problem = assertThrows(CoreException.class, () -> ChariotInstallation.locate(configuredRoot));
		assertTrue(problem.getMessage().contains(expected), problem.getMessage());
	}
}
