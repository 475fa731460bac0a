package org.chariot.core.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chariot.core.markers.ConfigurationMarkers;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;

/**
 * Executed and never-executed lines of a run's coverage as text markers on the driver's C files (the UI shows them in
 * the ruler and the overview ruler), grouped by launch configuration like the other Chariot markers.
 */
public final class CoverageMarkers {

	/** Declared in plugin.xml: a line whose code ran. */
	public static final String EXECUTED = "org.chariot.core.executedLine";
	/** Declared in plugin.xml: a line with code that never ran. */
	public static final String NOT_EXECUTED = "org.chariot.core.notExecutedLine";
	public static final String HITS = "hits";

	private record Line(IFile file, int line, int hits) {
	}

	private final IWorkspace workspace;

	public CoverageMarkers(IWorkspace workspace) {
		this.workspace = workspace;
	}

	/** Marks the lines of the files that are in the workspace; replaces the configuration's earlier marks. */
	public int create(String launchConfiguration, List<SourceCoverage> coverage, SourceFileResolver resolver)
			throws CoreException {
		clear(launchConfiguration);
		List<Line> executed = new ArrayList<>();
		List<Line> notExecuted = new ArrayList<>();
		for (SourceCoverage source : coverage) {
			Optional<IFile> file = resolver.workspaceFile(source.file());
			if (file.isPresent()) {
				source.lines().forEach((line, hits) -> (hits > 0 ? executed : notExecuted)
						.add(new Line(file.get(), line, hits)));
			}
		}
		return ConfigurationMarkers.create(workspace, EXECUTED, executed, line -> Optional.of(line.file()),
				line -> attributes(launchConfiguration, line, "executed " + line.hits() + " times"))
				+ ConfigurationMarkers.create(workspace, NOT_EXECUTED, notExecuted, line -> Optional.of(line.file()),
						line -> attributes(launchConfiguration, line, "never executed"));
	}

	/** Removes the configuration's coverage marks. */
	public void clear(String launchConfiguration) throws CoreException {
		ConfigurationMarkers.clear(workspace, EXECUTED, launchConfiguration);
		ConfigurationMarkers.clear(workspace, NOT_EXECUTED, launchConfiguration);
	}

	private static Map<String, Object> attributes(String launchConfiguration, Line line, String message) {
		return Map.of(IMarker.MESSAGE, "Chariot coverage: " + message, IMarker.LINE_NUMBER, line.line(), HITS,
				line.hits(), ConfigurationMarkers.LAUNCH_CONFIGURATION, launchConfiguration);
	}
}
