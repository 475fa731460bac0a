package org.chariot.ui.perspective;

import org.chariot.ui.views.MemoryMapView;
import org.chariot.ui.views.ViolationsView;
import org.chariot.ui.wizards.NewDriverProjectWizard;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.console.IConsoleConstants;

/**
 * Where a driver is written, run and debugged: the projects on the left, with the Debug view's place beside them; the
 * editor; a run's Violations, Console and Memory Map below; the debugger's Variables, Registers and Breakpoints on the
 * right once a debug session opens them. The launch action set gives the Run menu, the Run and Debug buttons and Run
 * As / Debug As in the context menus.
 */
public final class ChariotPerspective implements IPerspectiveFactory {

	public static final String ID = "org.chariot.ui.perspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editors = layout.getEditorArea();
		IFolderLayout left = layout.createFolder("org.chariot.ui.perspective.left", IPageLayout.LEFT, 0.22f, editors);
		left.addView(IPageLayout.ID_PROJECT_EXPLORER);
		left.addPlaceholder(IDebugUIConstants.ID_DEBUG_VIEW);

		IFolderLayout bottom = layout.createFolder("org.chariot.ui.perspective.bottom", IPageLayout.BOTTOM, 0.62f,
				editors);
		bottom.addView(ViolationsView.ID);
		bottom.addView(IConsoleConstants.ID_CONSOLE_VIEW);
		bottom.addView(MemoryMapView.ID);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);

		IFolderLayout right = layout.createFolder("org.chariot.ui.perspective.right", IPageLayout.RIGHT, 0.72f,
				editors);
		right.addPlaceholder(IDebugUIConstants.ID_VARIABLE_VIEW);
		right.addPlaceholder(IDebugUIConstants.ID_REGISTER_VIEW);
		right.addPlaceholder(IDebugUIConstants.ID_BREAKPOINT_VIEW);

		layout.addActionSet(IDebugUIConstants.LAUNCH_ACTION_SET);
		layout.addActionSet(IDebugUIConstants.DEBUG_ACTION_SET);
		layout.addNewWizardShortcut(NewDriverProjectWizard.ID);
		layout.addShowViewShortcut(ViolationsView.ID);
		layout.addShowViewShortcut(MemoryMapView.ID);
		layout.addShowViewShortcut(IConsoleConstants.ID_CONSOLE_VIEW);
		layout.addShowViewShortcut(IDebugUIConstants.ID_DEBUG_VIEW);
		layout.addShowViewShortcut(IDebugUIConstants.ID_BREAKPOINT_VIEW);
		layout.addPerspectiveShortcut(IDebugUIConstants.ID_DEBUG_PERSPECTIVE);
	}
}
