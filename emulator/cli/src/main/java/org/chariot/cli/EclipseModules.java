package org.chariot.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Maven modules of the checkout that the IDE is made of, read from the reactor's own poms: every
 * Tycho module (packaging {@code eclipse-*}) but the test bundles, with the aggregators above them, in
 * reactor order. A bundle added to the reactor is built for the IDE without anyone listing it again.
 */
final class EclipseModules {

    private static final String TYCHO_PACKAGING = "eclipse-";
    private static final String TEST_PACKAGING = "eclipse-test-plugin";

    private EclipseModules() {
    }

    /** The modules' directories relative to {@code root}, in the order of the poms' {@code <modules>}. */
    static List<String> of(Path root) throws IOException {
        List<String> modules = new ArrayList<>();
        collect(root, root, modules);
        return modules;
    }

    /** Adds the IDE's modules at and below {@code directory}; true if there were any. */
    private static boolean collect(Path root, Path directory, List<String> modules) throws IOException {
        Element project = pom(directory.resolve("pom.xml"));
        String packaging = text(project, "packaging", "jar");
        List<String> children = texts(project, "module");
        if (packaging.startsWith(TYCHO_PACKAGING)) {
            if (!packaging.equals(TEST_PACKAGING)) {
                modules.add(relative(root, directory));
                return true;
            }
            return false;
        }
        int position = modules.size();
        boolean any = false;
        for (String child : children) {
            any |= collect(root, directory.resolve(child).normalize(), modules);
        }
        if (any && !directory.equals(root)) {
            modules.add(position, relative(root, directory));
        }
        return any;
    }

    private static String relative(Path root, Path directory) {
        return root.relativize(directory).toString();
    }

    private static Element pom(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(file.toFile());
            return document.getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read the Maven module list in " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of {@code project}'s own child element {@code name}, or {@code otherwise}. */
    private static String text(Element project, String name, String otherwise) {
        for (var node = project.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().strip();
            }
        }
        return otherwise;
    }

    private static List<String> texts(Element project, String name) {
        NodeList nodes = project.getElementsByTagName(name);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }
}
