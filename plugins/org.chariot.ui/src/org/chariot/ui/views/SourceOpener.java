package org.chariot.ui.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.chariot.core.events.SourceLocation;
import org.chariot.core.sources.SourceFileResolver;
import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.FileStoreEditorInput;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Opens the C line of a violation: the workspace file at the DWARF path's location if the workspace has one (so its
 * markers show), else the file on disk.
 */
public final class SourceOpener {

	private final SourceFileResolver resolver;

	/** @param buildDirectories where DWARF paths relative to a module's build directory start */
	public SourceOpener(List<Path> buildDirectories) {
		this.resolver = new SourceFileResolver(ResourcesPlugin.getWorkspace().getRoot(), buildDirectories);
	}

	public IEditorPart open(IWorkbenchPage page, SourceLocation source) throws PartInitException {
		if (!source.hasLine()) {
			throw new PartInitException(source.function() + " has no source line: its module was built without debug "
					+ "info. Rebuild it with debug info (the kit's Makefile keeps it unless the driver strips it).");
		}
		IEditorPart editor = IDE.openEditor(page, editorInput(source),
				editorId(Path.of(source.file()).getFileName().toString()));
		revealLine(editor, source.line());
		return editor;
	}

	private IEditorInput editorInput(SourceLocation source) throws PartInitException {
		Optional<IFile> file = resolver.workspaceFile(source.file());
		if (file.isPresent()) {
			return new FileEditorInput(file.get());
		}
		Optional<Path> location = resolver.location(source.file());
		if (location.isPresent()) {
			return new FileStoreEditorInput(EFS.getLocalFileSystem().getStore(location.get().toUri()));
		}
		throw new PartInitException("The source file " + source.file() + " is neither in the workspace nor on this"
				+ " machine: import the driver's project, or rebuild the driver here.");
	}

	/** C files have no editor of their own without CDT: a text editor then, never an external program. */
	public static String editorId(String fileName) {
		IEditorDescriptor descriptor = PlatformUI.getWorkbench().getEditorRegistry().getDefaultEditor(fileName);
		return descriptor != null && descriptor.isInternal() ? descriptor.getId() : EditorsUI.DEFAULT_TEXT_EDITOR_ID;
	}

	private static void revealLine(IEditorPart editor, int line) throws PartInitException {
		ITextEditor textEditor = Adapters.adapt(editor, ITextEditor.class);
		if (textEditor == null) {
			return; // an editor that is not about text has no lines to go to
		}
		IDocument document = textEditor.getDocumentProvider().getDocument(textEditor.getEditorInput());
		try {
			IRegion region = document.getLineInformation(line - 1);
			textEditor.selectAndReveal(region.getOffset(), region.getLength());
		} catch (BadLocationException e) {
			throw new PartInitException("Line " + line + " is past the end of " + textEditor.getTitle()
					+ " (" + document.getNumberOfLines() + " lines): the file changed since the driver was built.", e);
		}
	}
}
