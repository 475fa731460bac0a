package org.chariot.core.markers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chariot.core.events.Violation;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;

/** Problem markers for violations, on the C line that made the write, grouped by the launch configuration. */
public final class ViolationMarkers {

	/** Declared in plugin.xml: a persistent problem-marker subtype. */
	public static final String TYPE = "org.chariot.core.violation";
	public static final String VIOLATION_ID = "violationId";
	public static final String KIND = "kind";
	public static final String ADDRESS = "address";
	public static final String LAUNCH_CONFIGURATION = ConfigurationMarkers.LAUNCH_CONFIGURATION;

	private final IWorkspace workspace;

	public ViolationMarkers(IWorkspace workspace) {
		this.workspace = workspace;
	}

	/**
	 * Marks each violation whose source line is in a workspace file; the others have no file to mark.
	 *
	 * @return how many markers were created
	 */
	public int create(String launchConfiguration, List<Violation> violations, SourceFileResolver resolver)
			throws CoreException {
		return ConfigurationMarkers.create(workspace, TYPE, violations,
				violation -> violation.source().hasLine() ? resolver.workspaceFile(violation.source().file())
						: Optional.empty(),
				violation -> attributes(launchConfiguration, violation));
	}

	/** Removes the markers of the configuration's earlier runs; other configurations' markers stay. */
	public void clear(String launchConfiguration) throws CoreException {
		ConfigurationMarkers.clear(workspace, TYPE, launchConfiguration);
	}

	private static Map<String, Object> attributes(String launchConfiguration, Violation violation) {
		return Map.of(IMarker.MESSAGE, violation.summary(), //
				IMarker.SEVERITY, IMarker.SEVERITY_ERROR, //
				IMarker.LINE_NUMBER, violation.source().line(), //
				VIOLATION_ID, Long.toString(violation.id()), //
				KIND, violation.kind().wireName(), //
				ADDRESS, violation.address().toString(), //
				LAUNCH_CONFIGURATION, launchConfiguration);
	}
}
