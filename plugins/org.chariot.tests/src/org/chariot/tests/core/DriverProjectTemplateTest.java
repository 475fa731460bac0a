package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.chariot.core.projects.DriverProjectTemplate;
import org.junit.jupiter.api.Test;

/** The new project's files: named after the module, nothing left of the template's placeholders. */
class DriverProjectTemplateTest {

	@Test
	void suggestsAModuleNameKbuildAccepts() {
		assertEquals("my_driver", DriverProjectTemplate.moduleNameFor("my-driver"));
		assertEquals("_2nd_try", DriverProjectTemplate.moduleNameFor("2nd try"));
		assertNull(DriverProjectTemplate.problemWithModuleName("my_driver"));
		assertTrue(DriverProjectTemplate.problemWithModuleName("my-driver").contains("not a module name"));
		assertTrue(DriverProjectTemplate.problemWithModuleName("x".repeat(56)).contains("at most 55"));
		assertEquals("The module name is empty.", DriverProjectTemplate.problemWithModuleName(""));
	}

	@Test
	void fillsInTheModuleEverywhere() throws Exception {
		Map<String, String> files = DriverProjectTemplate.files("skel", "Skel Project");

		assertEquals(List.of("Makefile", "exercise.c", "skel.c"), List.copyOf(files.keySet()));
		assertTrue(files.get("Makefile").contains("obj-m += skel.o"), files.get("Makefile"));
		assertTrue(files.get("skel.c").contains("static int __init skel_init(void)"));
		assertTrue(files.get("skel.c").contains("launch configuration \"Skel Project\""));
		assertTrue(files.get("exercise.c").contains("#define DEVICE \"/dev/skel\""));
		files.forEach((name, contents) -> assertFalse(contents.contains("@"), name + " keeps a placeholder"));
	}
}
