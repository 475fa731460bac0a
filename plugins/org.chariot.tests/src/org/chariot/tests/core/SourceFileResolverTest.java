package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.chariot.core.sources.SourceFileResolver;
import org.chariot.tests.support.DriverProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFileResolverTest {

	@TempDir
	Path outside;

	private DriverProject driver;

	@BeforeEach
	void createProject() throws Exception {
		driver = DriverProject.create("resolver_drv");
	}

	@AfterEach
	void deleteProject() throws Exception {
		driver.close();
	}

	@Test
	void findsTheWorkspaceFileOfAnAbsoluteDwarfPath() {
		String path = driver.directory().resolve(DriverProject.SOURCE_NAME).toString();
		assertEquals(Optional.of(driver.source()), resolver(List.of()).workspaceFile(path));
	}

	@Test
	void findsARelativeDwarfPathInTheBuildDirectory() {
		SourceFileResolver resolver = resolver(List.of(outside, driver.directory()));
		assertEquals(Optional.of(driver.source()), resolver.workspaceFile("./" + DriverProject.SOURCE_NAME));
		assertEquals(Optional.of(driver.source()), resolver.workspaceFile("sub/../" + DriverProject.SOURCE_NAME));
	}

	@Test
	void findsAFileOutsideTheWorkspaceOnDiskOnly() throws Exception {
		Path external = Files.writeString(outside.resolve("helper.c"), "int x;\n");
		SourceFileResolver resolver = resolver(List.of(outside));
		assertEquals(Optional.of(external), resolver.location("helper.c"));
		assertTrue(resolver.workspaceFile("helper.c").isEmpty());
	}

	@Test
	void findsNothingForAFileThatIsNowhere() {
		SourceFileResolver resolver = resolver(List.of(driver.directory()));
		assertTrue(resolver.location("missing.c").isEmpty());
		assertTrue(resolver.workspaceFile("/no/such/dir/hello_drv.c").isEmpty());
	}

	private static SourceFileResolver resolver(List<Path> buildDirectories) {
		return new SourceFileResolver(ResourcesPlugin.getWorkspace().getRoot(), buildDirectories);
	}
}
