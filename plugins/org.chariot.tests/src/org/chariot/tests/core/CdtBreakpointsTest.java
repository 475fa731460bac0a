package org.chariot.tests.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.chariot.debug.breakpoints.BreakpointSync;
import org.chariot.debug.breakpoints.CdtBreakpoints;
import org.chariot.debug.breakpoints.ChariotLineBreakpoint;
import org.eclipse.debug.core.model.Breakpoint;
import org.eclipse.debug.core.model.LineBreakpoint;
import org.junit.jupiter.api.Test;

/**
 * Which breakpoints a Chariot debug session installs: its own, and CDT's C line breakpoints, known by CDT's model id
 * (CDT is not in the test platform, so a stand-in with CDT's id plays its part).
 */
class CdtBreakpointsTest {

	@Test
	void chariotAndCdtLineBreakpointsAreInstalledOthersAreNot() {
		assertTrue(BreakpointSync.isLineBreakpointOfInterest(new ChariotLineBreakpoint()));
		assertTrue(BreakpointSync.isLineBreakpointOfInterest(new ModelLineBreakpoint(CdtBreakpoints.CDT_MODEL_ID)));
		assertFalse(BreakpointSync.isLineBreakpointOfInterest(new ModelLineBreakpoint("org.eclipse.jdt.debug")));
		assertFalse(BreakpointSync.isLineBreakpointOfInterest(new Breakpoint() {
			@Override
			public String getModelIdentifier() {
				return CdtBreakpoints.CDT_MODEL_ID; // a CDT breakpoint that is not on a line (e.g. a function's)
			}
		}));
	}

	private static final class ModelLineBreakpoint extends LineBreakpoint {

		private final String model;

		ModelLineBreakpoint(String model) {
			this.model = model;
		}

		@Override
		public String getModelIdentifier() {
			return model;
		}
	}
}
