package org.chariot.debug.ui;

import java.util.List;
import java.util.Optional;

import org.chariot.core.events.SourceLocation;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.sources.SourceFileResolver;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.handlers.HandlerUtil;

/** "Break on this write" on a row of the Violations view: a breakpoint on the violation's C line. */
public final class BreakOnThisWriteHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchPart part = HandlerUtil.getActivePart(event);
		Object selected = HandlerUtil.getCurrentStructuredSelection(event) instanceof IStructuredSelection selection
				? selection.getFirstElement()
				: null;
		if (!(part instanceof ViolationsView view) || !(selected instanceof Violation violation)) {
			return null;
		}
		try {
			breakOn(violation, view.model());
		} catch (CoreException e) {
			throw new ExecutionException("Cannot set a breakpoint on violation " + violation.id(), e);
		}
		return null;
	}

	/** Sets the breakpoint; the source must be a workspace file (a breakpoint is a marker on one). */
	public static void breakOn(Violation violation, Optional<ViolationModel> run) throws CoreException {
		SourceLocation source = violation.source();
		if (source == null || !source.hasLine()) {
			throw new CoreException(Status.error("Violation " + violation.id()
					+ " has no source line: its store is not in a driver with line information"));
		}
		SourceFileResolver resolver = new SourceFileResolver(ResourcesPlugin.getWorkspace().getRoot(),
				run.map(ViolationModel::moduleDirectories).orElse(List.of()));
		Optional<IFile> file = resolver.workspaceFile(source.file());
		if (file.isEmpty()) {
			throw new CoreException(Status.error("The source " + source.file()
					+ " is not in the workspace: import the driver's project to set breakpoints in it"));
		}
		LineBreakpoints.ensure(file.get(), source.line());
	}
}
