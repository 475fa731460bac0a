package org.chariot.tests.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** PNG pictures of the workbench as a person would see it, under target/screenshots/ of the test bundle. */
final class Screenshots {

	private Screenshots() {
	}

	static Path save(Shell shell, String name) throws IOException {
		Path directory = Path.of(System.getProperty("chariot.screenshots", "screenshots"));
		Files.createDirectories(directory);
		Path file = directory.resolve(name + ".png");
		paintEverything(shell);
		Rectangle bounds = shell.getBounds();
		Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
		GC gc = new GC(shell.getDisplay());
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
		return file;
	}

	/** The screen holds what was last painted: let every pending event and paint happen before copying it. */
	private static void paintEverything(Shell shell) {
		Display display = shell.getDisplay();
		while (display.readAndDispatch()) {
			// dispatching is the point
		}
		shell.update();
	}
}
