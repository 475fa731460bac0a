package org.chariot.emulator.coverage;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Coverage as Cobertura XML (coverage-04.dtd), which Jenkins, GitLab and Azure DevOps read: a
 * {@code package} per module, a {@code class} per source file (its path relative to
 * {@code sourceRoot} when under it), {@code method}s for its functions and {@code line}s with hits
 * and, on lines with conditional branches, their condition coverage.
 */
public final class CoberturaWriter {

    private CoberturaWriter() {
    }

    public static void write(Path file, CoverageReport report, Path sourceRoot, long timestamp) throws IOException {
        Path root = sourceRoot.toAbsolutePath().normalize();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<FileCoverage> all = report.modules().values().stream().flatMap(List::stream).toList();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("coverage");
            rates(xml, all);
            xml.writeAttribute("lines-covered", Long.toString(all.stream().mapToLong(FileCoverage::linesHit).sum()));
            xml.writeAttribute("lines-valid", Long.toString(all.stream().mapToLong(f -> f.lines().size()).sum()));
            xml.writeAttribute("branches-covered", Long.toString(all.stream().mapToLong(FileCoverage::branchesHit).sum()));
            xml.writeAttribute("branches-valid", Long.toString(all.stream().mapToLong(f -> 2L * f.branches().size()).sum()));
            xml.writeAttribute("version", "chariot");
            xml.writeAttribute("timestamp", Long.toString(timestamp));
            xml.writeStartElement("sources");
            element(xml, "source", root.toString());
            xml.writeEndElement();
            xml.writeStartElement("packages");
            for (Map.Entry<String, List<FileCoverage>> module : report.modules().entrySet()) {
                xml.writeStartElement("package");
                xml.writeAttribute("name", module.getKey());
                rates(xml, module.getValue());
                xml.writeStartElement("classes");
                for (FileCoverage source : module.getValue()) {
                    sourceFile(xml, source, root);
                }
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the Cobertura report " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void sourceFile(XMLStreamWriter xml, FileCoverage source, Path root) throws XMLStreamException {
        Path path = Path.of(source.file()).toAbsolutePath().normalize();
        xml.writeStartElement("class");
        xml.writeAttribute("name", path.getFileName().toString());
        xml.writeAttribute("filename", path.startsWith(root) ? root.relativize(path).toString() : path.toString());
        rates(xml, List.of(source));
        xml.writeStartElement("methods");
        for (FileCoverage.Function function : source.functions()) {
            xml.writeStartElement("method");
            xml.writeAttribute("name", function.name());
            xml.writeAttribute("signature", "");
            xml.writeAttribute("line-rate", function.entered() > 0 ? "1" : "0");
            xml.writeAttribute("branch-rate", "0");
            xml.writeAttribute("complexity", "0");
            xml.writeStartElement("lines");
            xml.writeEmptyElement("line");
            xml.writeAttribute("number", Integer.toString(function.line()));
            xml.writeAttribute("hits", Integer.toString(function.entered()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        Map<Integer, List<FileCoverage.Branch>> branches = source.branches().stream()
                .collect(Collectors.groupingBy(FileCoverage.Branch::line));
        xml.writeStartElement("lines");
        for (Map.Entry<Integer, Integer> line : source.lines().entrySet()) {
            xml.writeEmptyElement("line");
            xml.writeAttribute("number", Integer.toString(line.getKey()));
            xml.writeAttribute("hits", Integer.toString(line.getValue()));
            List<FileCoverage.Branch> here = branches.getOrDefault(line.getKey(), List.of());
            xml.writeAttribute("branch", Boolean.toString(!here.isEmpty()));
            if (!here.isEmpty()) {
                long ways = 2L * here.size();
                long hit = here.stream().mapToLong(FileCoverage.Branch::waysHit).sum();
                xml.writeAttribute("condition-coverage", String.format(Locale.ROOT, "%d%% (%d/%d)", 100 * hit / ways,
                        hit, ways));
            }
        }
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void rates(XMLStreamWriter xml, List<FileCoverage> files) throws XMLStreamException {
        long lines = files.stream().mapToLong(f -> f.lines().size()).sum();
        long ways = files.stream().mapToLong(f -> 2L * f.branches().size()).sum();
        xml.writeAttribute("line-rate", rate(files.stream().mapToLong(FileCoverage::linesHit).sum(), lines));
        xml.writeAttribute("branch-rate", rate(files.stream().mapToLong(FileCoverage::branchesHit).sum(), ways));
        xml.writeAttribute("complexity", "0");
    }

    private static String rate(long hit, long of) {
        return of == 0 ? "1" : String.format(Locale.ROOT, "%.4f", (double) hit / of);
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
