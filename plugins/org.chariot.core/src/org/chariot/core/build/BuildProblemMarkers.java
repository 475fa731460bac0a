package org.chariot.core.build;

import java.util.List;
import java.util.Map;

import org.chariot.core.markers.ConfigurationMarkers;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;

/** Problem markers for what the compiler said about the driver's C lines, grouped by the launch configuration. */
public final class BuildProblemMarkers {

	/** Declared in plugin.xml: a problem-marker subtype, not persistent (the next build says it again). */
	public static final String TYPE = "org.chariot.core.buildProblem";
	public static final String LAUNCH_CONFIGURATION = ConfigurationMarkers.LAUNCH_CONFIGURATION;

	private final IWorkspace workspace;

	public BuildProblemMarkers(IWorkspace workspace) {
		this.workspace = workspace;
	}

	/** @return how many markers were created: messages about files outside the workspace have none */
	public int create(String launchConfiguration, List<CompilerDiagnostic> diagnostics, SourceFileResolver resolver)
			throws CoreException {
		return ConfigurationMarkers.create(workspace, TYPE, diagnostics,
				diagnostic -> resolver.workspaceFile(diagnostic.file()),
				diagnostic -> Map.of(IMarker.MESSAGE, diagnostic.message(), //
						IMarker.SEVERITY, diagnostic.error() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING, //
						IMarker.LINE_NUMBER, diagnostic.line(), //
						LAUNCH_CONFIGURATION, launchConfiguration));
	}

	/** Removes what the configuration's earlier builds said. */
	public void clear(String launchConfiguration) throws CoreException {
		ConfigurationMarkers.clear(workspace, TYPE, launchConfiguration);
	}
}
