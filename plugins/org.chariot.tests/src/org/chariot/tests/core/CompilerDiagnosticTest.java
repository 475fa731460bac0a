package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.chariot.core.build.CompilerDiagnostic;
import org.junit.jupiter.api.Test;

/** GCC's messages as 'chariot run' passes them on when a driver does not build (lines copied from a real run). */
class CompilerDiagnosticTest {

	@Test
	void readsErrorsAndWarningsWithTheirLines() {
		assertEquals(Optional.of(new CompilerDiagnostic("/tmp/ide-bad/bad.c", 4, true,
				"‘undefined_thing’ undeclared (first use in this function)")),
				CompilerDiagnostic.parse("  | /tmp/ide-bad/bad.c:4:16: error: ‘undefined_thing’ undeclared (first use in"
						+ " this function)"));
		assertEquals(Optional.of(new CompilerDiagnostic("/tmp/ide-bad/bad.c", 5, true,
				"control reaches end of non-void function [-Werror=return-type]")),
				CompilerDiagnostic.parse("  | /tmp/ide-bad/bad.c:5:1: error: control reaches end of non-void function"
						+ " [-Werror=return-type]"));
		assertEquals(false, CompilerDiagnostic.parse("drv.h:12:3: warning: unused variable ‘x’").orElseThrow().error());
	}

	@Test
	void leavesTheRestOfTheOutputAlone() {
		for (String line : new String[] { "  | /tmp/ide-bad/bad.c: In function ‘bad_init’:",
				"  | /tmp/ide-bad/bad.c:4:16: note: each undeclared identifier is reported only once",
				"  |     4 |         return undefined_thing;", "  | make: *** [Makefile:12: modules] Error 2",
				"[    0.466851] buggy_overflow: loading out-of-tree module taints kernel." }) {
			assertTrue(CompilerDiagnostic.parse(line).isEmpty(), line);
		}
	}
}
