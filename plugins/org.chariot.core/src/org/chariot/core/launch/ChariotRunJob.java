package org.chariot.core.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chariot.core.build.BuildProblemMarkers;
import org.chariot.core.coverage.ChariotCoverage;
import org.chariot.core.coverage.CoverageMarkers;
import org.chariot.core.coverage.LcovTracefile;
import org.chariot.core.coverage.SourceCoverage;
import org.chariot.core.build.CompilerDiagnostic;
import org.chariot.core.events.EventStreamFollower;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.debug.core.DebugEvent;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IDebugEventSetListener;
import org.eclipse.debug.core.model.IProcess;

/**
 * Watches one chariot run to its end (or cancels it), reads the rest of its event stream, marks what the compiler said
 * on the C lines, and tells the user how the run ended when it could not do its work (see {@link RunOutcome}).
 */
final class ChariotRunJob extends Job {

	private static final Duration WAIT_STEP = Duration.ofMillis(200);
	private static final Duration LAST_READ_DEADLINE = Duration.ofSeconds(10);

	/**
	 * What the launch set up for the run, and where its results go.
	 *
	 * @param coverageFile where the run writes its coverage, or null when it records none
	 */
	record Run(String configuration, IProcess process, EventStreamFollower follower, ViolationModel model,
			ChariotRunOutput output, Path eventFile, IWorkspace workspace, Path driverDirectory, Path coverageFile) {
	}

	private final Run run;

	ChariotRunJob(Run run) {
		super("Chariot: " + run.configuration());
		this.run = run;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		monitor.beginTask(getName(), IProgressMonitor.UNKNOWN);
		try {
			if (!waitForTheProcess(monitor)) {
				return Status.CANCEL_STATUS;
			}
			if (!run.follower().finish(LAST_READ_DEADLINE)) {
				return Status.warning("The end of the event stream of " + getName() + " was not read within "
						+ LAST_READ_DEADLINE.toSeconds() + " s: the Violations view may miss the last violations.");
			}
			List<CompilerDiagnostic> diagnostics = run.output().diagnostics();
			SourceFileResolver sources = new SourceFileResolver(run.workspace().getRoot(), List.of(run.driverDirectory()));
			new BuildProblemMarkers(run.workspace()).create(run.configuration(), diagnostics, sources);
			if (run.coverageFile() != null && Files.isRegularFile(run.coverageFile())) {
				markCoverage(sources);
			}
			return RunOutcome.of(run.configuration(), run.process().getExitValue(), run.model().summary(),
					run.output().problem(), diagnostics.size(), run.eventFile());
		} catch (InterruptedException e) {
			run.follower().cancel();
			Thread.currentThread().interrupt();
			return Status.CANCEL_STATUS;
		} catch (CoreException e) {
			return e.getStatus();
		} finally {
			monitor.done();
		}
	}

	private void markCoverage(SourceFileResolver sources) throws CoreException {
		try {
			List<SourceCoverage> coverage = LcovTracefile.read(run.coverageFile());
			new CoverageMarkers(run.workspace()).create(run.configuration(), coverage, sources);
			ChariotCoverage.getDefault().published(new ChariotCoverage.RunCoverage(run.configuration(), coverage));
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot read the coverage of " + run.configuration() + " in "
					+ run.coverageFile() + ": " + e.getMessage(), e));
		}
	}

	/**
	 * Waits until the process has ended and its output streams are read to the end (the debug process says so with a
	 * terminate event); a cancel stops the run.
	 *
	 * @return false if the user canceled
	 */
	private boolean waitForTheProcess(IProgressMonitor monitor) throws InterruptedException, DebugException {
		CountDownLatch terminated = new CountDownLatch(1);
		IDebugEventSetListener listener = events -> {
			for (DebugEvent event : events) {
				if (event.getSource() == run.process() && event.getKind() == DebugEvent.TERMINATE) {
					terminated.countDown();
				}
			}
		};
		DebugPlugin.getDefault().addDebugEventListener(listener);
		try {
			if (run.process().isTerminated()) {
				terminated.countDown();
			}
			boolean canceled = false;
			while (!terminated.await(WAIT_STEP.toMillis(), TimeUnit.MILLISECONDS)) {
				if (monitor.isCanceled() && !canceled) {
					run.process().terminate();
					canceled = true;
				}
			}
			return !canceled;
		} finally {
			DebugPlugin.getDefault().removeDebugEventListener(listener);
		}
	}
}
