package org.chariot.core.build;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chariot.core.markers.ConfigurationMarkers;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceRunnable;
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
		int[] created = { 0 };
		IWorkspaceRunnable createAll = monitor -> {
			for (CompilerDiagnostic diagnostic : diagnostics) {
				Optional<IFile> file = resolver.workspaceFile(diagnostic.file());
				if (file.isPresent()) {
					file.get().createMarker(TYPE, Map.of(IMarker.MESSAGE, diagnostic.message(), //
							IMarker.SEVERITY, diagnostic.error() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING, //
							IMarker.LINE_NUMBER, diagnostic.line(), //
							LAUNCH_CONFIGURATION, launchConfiguration));
					created[0]++;
				}
			}
		};
		workspace.run(createAll, workspace.getRoot(), IWorkspace.AVOID_UPDATE, null);
		return created[0];
	}

	/** Removes what the configuration's earlier builds said. */
	public void clear(String launchConfiguration) throws CoreException {
		ConfigurationMarkers.clear(workspace, TYPE, launchConfiguration);
	}
}
