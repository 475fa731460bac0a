package org.chariot.tests.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.chariot.core.events.ChariotRuns;
import org.chariot.core.events.Violation;
import org.chariot.core.events.ViolationModel;
import org.chariot.core.preferences.ChariotPreferences;
import org.chariot.debug.ChariotDebug;
import org.chariot.debug.breakpoints.ChariotLineBreakpoint;
import org.chariot.tests.support.BuggyExample;
import org.chariot.tests.support.ChariotCheckout;
import org.chariot.tests.support.ImportedExample;
import org.chariot.ui.views.ViolationsView;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.debug.core.DebugException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.IBreakpointManager;
import org.eclipse.debug.core.ILaunch;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.core.model.IBreakpoint;
import org.eclipse.debug.core.model.IDebugTarget;
import org.eclipse.debug.core.model.IMemoryBlock;
import org.eclipse.debug.core.model.IMemoryBlockRetrieval;
import org.eclipse.debug.core.model.IRegister;
import org.eclipse.debug.core.model.IStackFrame;
import org.eclipse.debug.core.model.IThread;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.IDebugView;
import org.eclipse.debug.ui.IDebugUIConstants;
import org.eclipse.debug.ui.actions.IToggleBreakpointsTarget;
import org.eclipse.jface.dialogs.MessageDialogWithToggle;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.TextSelection;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Debug launches of the buggy-overflow example on the real emulator: the halt policy stops the hart at the marked
 * line before the store lands; "Break on this write" sets a breakpoint that stops the next debug run there; step
 * over, into and return, resume and terminate.
 */
class ChariotDebugLaunchTest {

	/** Building the driver and booting the guest; the guest kit is built already (./chariot test does it). */
	private static final Duration STARTUP = Duration.ofMinutes(2);
	private static final Duration STEP = Duration.ofSeconds(30);
	private static final String BREAK_ON_THIS_WRITE = "org.chariot.debug.ui.breakOnThisWrite";
	private static final String INSTRUCTION_POINTER = "org.eclipse.debug.ui.currentIP";
	/** The Debug UI's preference keys (its internal constants) for the perspective questions. */
	private static final String SWITCH_PERSPECTIVE_ON_SUSPEND = "org.eclipse.debug.ui.switch_perspective_on_suspend";
	private static final String SWITCH_PERSPECTIVE_ON_LAUNCH = "org.eclipse.debug.ui.switch_to_perspective";
	private static final String CONSOLE_OPEN_ON_OUTPUT = "DEBUG.consoleOpenOnOut";
	private static final String CONSOLE_OPEN_ON_ERRORS = "DEBUG.consoleOpenOnErr";

	private final IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode(ChariotPreferences.QUALIFIER);
	private ImportedExample example;
	private IFile source;
	private int bugLine;
	private IWorkbenchPage page;

	@BeforeEach
	void importTheBuggyDriver() throws Exception {
		ChariotCheckout.kit();
		preferences.put(ChariotPreferences.CHARIOT_ROOT, ChariotCheckout.root().toString());
		BuggyExample bug = BuggyExample.of("buggy-overflow");
		example = ImportedExample.of(bug.directory());
		source = example.file(bug.sourceFile());
		bugLine = bug.bugLine();
		page = Workbench.page();
		// a modal "switch to the Debug perspective?" question would stop the test; the views are opened here instead
		DebugUITools.getPreferenceStore().setValue(SWITCH_PERSPECTIVE_ON_SUSPEND, MessageDialogWithToggle.NEVER);
		DebugUITools.getPreferenceStore().setValue(SWITCH_PERSPECTIVE_ON_LAUNCH, MessageDialogWithToggle.NEVER);
		// the Console would come to the front over the Debug view at the guest's first output
		DebugUITools.getPreferenceStore().setValue(CONSOLE_OPEN_ON_OUTPUT, false);
		DebugUITools.getPreferenceStore().setValue(CONSOLE_OPEN_ON_ERRORS, false);
		page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
		page.showView(IDebugUIConstants.ID_REGISTER_VIEW);
		page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
	}

	@AfterEach
	void removeTheDriver() throws CoreException {
		ILaunchManager launches = DebugPlugin.getDefault().getLaunchManager();
		for (ILaunch launch : launches.getLaunches()) {
			if (!launch.isTerminated()) {
				launch.terminate();
			}
		}
		launches.removeLaunches(launches.getLaunches());
		DebugPlugin.getDefault().getBreakpointManager()
				.removeBreakpoints(DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(ChariotDebug.MODEL_ID), true);
		DebugPlugin.getDefault().getBreakpointManager().setEnabled(true);
		page.closeAllEditors(false);
		preferences.remove(ChariotPreferences.CHARIOT_ROOT);
		for (String key : List.of(SWITCH_PERSPECTIVE_ON_SUSPEND, SWITCH_PERSPECTIVE_ON_LAUNCH, CONSOLE_OPEN_ON_OUTPUT,
				CONSOLE_OPEN_ON_ERRORS)) {
			DebugUITools.getPreferenceStore().setToDefault(key);
		}
		example.close();
	}

	@Test
	void theHaltPolicyStopsTheHartAtTheBuggyLineBeforeTheStore() throws Exception {
		IBreakpoint disabled = toggleBreakpointInTheEditor(bugLine - 2);
		disabled.setEnabled(false);
		ILaunch launch = configuration().launch(ILaunchManager.DEBUG_MODE, null);
		IThread hart = suspendedHart(launch, STARTUP);
		IStackFrame top = hart.getTopStackFrame();
		assertEquals(bugLine, top.getLineNumber(), top.getName());
		assertTrue(top.getName().startsWith("buggy_overflow_init() at buggy_overflow.c:" + bugLine), top.getName());
		assertTrue(hart.getName().contains("halted before an illegal store"), hart.getName()
				+ ": the disabled breakpoint two lines up did not stop it");
		assertTrue(hart.getStackFrames().length >= 2, "the driver's init and its kernel caller");
		List<String> registers = names(top.getRegisterGroups()[0].getRegisters());
		assertEquals(33, registers.size(), "x0-x31 and pc: " + registers);
		assertTrue(registers.containsAll(List.of("x0 (zero)", "x10 (a0)", "pc")), registers.toString());
		assertTrue(names(top.getRegisterGroups()[1].getRegisters()).containsAll(List.of("sepc", "scause", "satp", "priv")));
		assertEquals(33, top.getVariables().length, "the Variables view shows the frame's registers");
		ViolationModel run = ChariotRuns.getDefault().latest().orElseThrow();
		UiWait.until("the halted store's violation record", STEP, () -> run.size() == 1);
		long target = run.violations().getFirst().address().value();
		IMemoryBlock memory = ((IMemoryBlockRetrieval) launch.getDebugTarget()).getMemoryBlock(target, 1);
		assertNotEquals((byte) 0x41, memory.getBytes()[0], "the Memory view shows the byte the store has not written");
		UiWait.until("the editor to show the halted line", STEP, () -> instructionPointerLine().orElse(-1) == bugLine);
		page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "debug-halted-at-heap-overflow");
		IDebugView registersView = (IDebugView) page.showView(IDebugUIConstants.ID_REGISTER_VIEW);
		Tree registerTree = (Tree) registersView.getViewer().getControl();
		UiWait.until("the Registers view to show the register groups", STEP,
				() -> registerTree.getItemCount() >= 2 && "General registers".equals(registerTree.getItem(0).getText()));
		((TreeViewer) registersView.getViewer()).expandToLevel(2);
		UiWait.until("the Registers view to show x0", STEP, () -> registerTree.getItem(0).getItemCount() > 0
				&& "x0 (zero)".equals(registerTree.getItem(0).getItem(0).getText()));
		Screenshots.save(page.getWorkbenchWindow().getShell(), "debug-halted-registers");

		hart.resume();
		UiWait.until("the guest to finish after resuming", STARTUP, launch::isTerminated);
	}

	@Test
	void breakOnThisWriteStopsTheNextDebugRunThereThenStepOverAndTerminate() throws Exception {
		ILaunch run = configuration().launch(ILaunchManager.RUN_MODE, null);
		UiWait.until("the run to end", STARTUP, run::isTerminated);
		ViolationModel model = ChariotRuns.getDefault().latest().orElseThrow();
		Violation violation = model.violations().getFirst();
		assertEquals(bugLine, violation.source().line());
		ViolationsView view = (ViolationsView) page.showView(ViolationsView.ID);
		view.show(model);
		view.viewer().setSelection(new StructuredSelection(violation));
		page.activate(view);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(BREAK_ON_THIS_WRITE, null);

		IBreakpoint breakpoint = onlyBreakpoint();
		assertEquals(source, breakpoint.getMarker().getResource());
		assertEquals(bugLine, breakpoint.getMarker().getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(breakpoint.getMarker().getAttribute(IBreakpoint.PERSISTED, false));
		page.showView(IDebugUIConstants.ID_BREAKPOINT_VIEW);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "debug-break-on-this-write");
		page.showView(IDebugUIConstants.ID_DEBUG_VIEW);

		ILaunch launch = configuration().launch(ILaunchManager.DEBUG_MODE, null);
		IThread hart = suspendedHart(launch, STARTUP);
		assertEquals(List.of(breakpoint), Arrays.asList(hart.getBreakpoints()), "stopped by the breakpoint");
		assertEquals(bugLine, hart.getTopStackFrame().getLineNumber(), "before the store: it is on this line");
		UiWait.until("the editor to show the breakpoint's line", STEP, () -> instructionPointerLine().orElse(-1) == bugLine);
		page.showView(IDebugUIConstants.ID_DEBUG_VIEW);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "debug-stopped-at-breakpoint");

		hart.stepOver();
		suspendedAgain(hart);
		assertEquals(bugLine, hart.getTopStackFrame().getLineNumber(), "the halt policy stops the step at the store");
		assertTrue(hart.getName().contains("halted before an illegal store"), hart.getName());
		hart.stepOver();
		suspendedAgain(hart);
		assertEquals(bugLine + 1, hart.getTopStackFrame().getLineNumber(), "step over moves one source line");
		page.showView(IDebugUIConstants.ID_VARIABLE_VIEW);
		Screenshots.save(page.getWorkbenchWindow().getShell(), "debug-after-step-over");

		hart.stepInto();
		suspendedAgain(hart);
		assertEquals(bugLine + 2, hart.getTopStackFrame().getLineNumber(),
				"stepping into pr_info, a kernel function without source, goes on to the driver's next line");
		hart.stepReturn();
		suspendedAgain(hart);
		assertTrue(hart.getTopStackFrame().getName().startsWith("do_one_initcall()"),
				"step return ends in the init's caller: " + hart.getTopStackFrame().getName());

		launch.getDebugTarget().terminate();
		UiWait.until("the launch to end", STEP, launch::isTerminated);
		assertTrue(launch.getProcesses()[0].isTerminated(), "the chariot process ended with its guest");
	}

	@Test
	void skipAllBreakpointsTakesEffectAtOnceWhileTheGuestRunsAndWhileItIsSuspended() throws Exception {
		IBreakpointManager manager = DebugPlugin.getDefault().getBreakpointManager();
		IBreakpoint atTheBug = toggleBreakpointInTheEditor(bugLine);
		ChariotLineBreakpoint.create(source, bugLine + 1);
		manager.setEnabled(false);
		ILaunch launch = configuration().launch(ILaunchManager.DEBUG_MODE, null);
		UiWait.until("the guest to run", STARTUP, () -> launch.getDebugTarget() != null
				&& launch.getDebugTarget().canSuspend() || launch.isTerminated());
		manager.setEnabled(true);
		IThread hart = suspendedHart(launch, STARTUP);
		assertEquals(List.of(atTheBug), Arrays.asList(hart.getBreakpoints()),
				"Skip All turned off while the guest ran: its breakpoint stops it");

		manager.setEnabled(false);
		hart.resume();
		suspendedAgain(hart);
		assertTrue(hart.getName().contains("halted before an illegal store"), "the halt policy still stops: "
				+ hart.getName());
		hart.resume();
		UiWait.until("the guest to end or stop", STARTUP, () -> launch.isTerminated() || hart.isSuspended());
		assertTrue(launch.isTerminated(), () -> "Skip All turned on while suspended: the next line's breakpoint must not "
				+ "stop, but the hart is " + describe(hart));
	}

	/** What a double-click in the editor's ruler does: the editor's toggle target for a line. */
	private IBreakpoint toggleBreakpointInTheEditor(int line) throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page, source, EditorsUI.DEFAULT_TEXT_EDITOR_ID);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		ITextSelection selection = new TextSelection(document, document.getLineOffset(line - 1), 0);
		IToggleBreakpointsTarget toggle = DebugUITools.getToggleBreakpointsTargetManager()
				.getToggleBreakpointsTarget(editor, selection);
		toggle.toggleLineBreakpoints(editor, selection);
		IBreakpoint breakpoint = onlyBreakpoint();
		assertEquals(line, breakpoint.getMarker().getAttribute(IMarker.LINE_NUMBER, -1));
		return breakpoint;
	}

	/** The configuration the import made: what the user runs or debugs. */
	private ILaunchConfiguration configuration() {
		return example.launchConfiguration();
	}

	private static IThread suspendedHart(ILaunch launch, Duration timeout) {
		UiWait.until("the hart to stop", timeout, () -> hart(launch).map(IThread::isSuspended).orElse(false)
				|| launch.isTerminated());
		assertTrue(!launch.isTerminated(), "the launch ended before the hart stopped");
		return hart(launch).orElseThrow();
	}

	private static String describe(IThread hart) {
		try {
			return hart.getName() + " at " + hart.getTopStackFrame().getName() + ", stopped by "
					+ Arrays.toString(hart.getBreakpoints());
		} catch (DebugException e) {
			return hart + " (" + e.getMessage() + ")";
		}
	}

	private static Optional<IThread> hart(ILaunch launch) {
		IDebugTarget target = launch.getDebugTarget();
		try {
			return target == null || !target.hasThreads() ? Optional.empty() : Optional.of(target.getThreads()[0]);
		} catch (DebugException e) {
			throw new AssertionError(e);
		}
	}

	private static void suspendedAgain(IThread hart) {
		UiWait.until("the step to end", STEP, () -> hart.isSuspended() || hart.isTerminated());
		assertTrue(hart.isSuspended(), "the guest ended during the step");
	}

	private IBreakpoint onlyBreakpoint() {
		IBreakpoint[] breakpoints = DebugPlugin.getDefault().getBreakpointManager().getBreakpoints(ChariotDebug.MODEL_ID);
		assertEquals(1, breakpoints.length, Arrays.toString(breakpoints));
		assertTrue(breakpoints[0] instanceof ChariotLineBreakpoint);
		return breakpoints[0];
	}

	private static List<String> names(IRegister[] registers) throws DebugException {
		List<String> names = new ArrayList<>();
		for (IRegister register : registers) {
			names.add(register.getName());
		}
		return names;
	}

	/** The line of the debugger's instruction pointer annotation in the editor of the driver's source, if shown. */
	private Optional<Integer> instructionPointerLine() {
		IEditorPart editor = page.findEditor(new FileEditorInput(source));
		if (!(editor instanceof ITextEditor text)) {
			return Optional.empty();
		}
		IAnnotationModel annotations = text.getDocumentProvider().getAnnotationModel(text.getEditorInput());
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			Annotation annotation = it.next();
			if (annotation.getType().startsWith(INSTRUCTION_POINTER)) {
				int offset = annotations.getPosition(annotation).getOffset();
				try {
					return Optional.of(text.getDocumentProvider().getDocument(text.getEditorInput()).getLineOfOffset(offset) + 1);
				} catch (BadLocationException e) {
					throw new AssertionError(e);
				}
			}
		}
		return Optional.empty();
	}
}
