package org.chariot.emulator.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.chariot.emulator.monitor.Violation;
import org.chariot.emulator.monitor.ViolationReport;

/**
 * A run's tests as JUnit XML, the format CI systems read (Surefire's, Ant's): a {@code testsuite} per
 * group (the init's steps, each KUnit suite), a {@code testcase} per test, a {@code failure} per
 * violation carrying its report and one for a failed step or case, an {@code error} for a test the
 * run could not finish, a {@code skipped} for a skipped KUnit case.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, String runName, List<TestRecord> tests) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", runName);
            counts(xml, tests);
            for (Map.Entry<String, List<TestRecord>> suite : bySuite(tests).entrySet()) {
                suite(xml, suite.getKey(), suite.getValue());
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the JUnit report " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<TestRecord>> bySuite(List<TestRecord> tests) {
        Map<String, List<TestRecord>> suites = new LinkedHashMap<>();
        for (TestRecord test : tests) {
            suites.computeIfAbsent(test.suite(), s -> new ArrayList<>()).add(test);
        }
        return suites;
    }

    private static void counts(XMLStreamWriter xml, List<TestRecord> tests) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests.size()));
        xml.writeAttribute("failures", Long.toString(tests.stream()
                .filter(t -> t.outcome() != TestRecord.Outcome.ERROR && t.unsuccessful()).count()));
        xml.writeAttribute("errors", Long.toString(tests.stream()
                .filter(t -> t.outcome() == TestRecord.Outcome.ERROR).count()));
        xml.writeAttribute("skipped", Long.toString(tests.stream()
                .filter(t -> t.outcome() == TestRecord.Outcome.SKIPPED).count()));
        xml.writeAttribute("time", seconds(tests.stream().mapToDouble(TestRecord::seconds).sum()));
    }

    private static void suite(XMLStreamWriter xml, String name, List<TestRecord> tests) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        counts(xml, tests);
        for (TestRecord test : tests) {
            testCase(xml, test);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, TestRecord test) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", test.name());
        xml.writeAttribute("classname", test.suite());
        xml.writeAttribute("time", seconds(test.seconds()));
        if (test.source() != null && test.source().hasSource()) {
            xml.writeAttribute("file", test.source().file());
            xml.writeAttribute("line", Integer.toString(test.source().line()));
        }
        switch (test.outcome()) {
            case FAILED -> problem(xml, "failure", test.suite().equals(RunTests.STEPS) ? "step" : "kunit",
                    test.failure(), test.details());
            case ERROR -> problem(xml, "error", "run", test.failure(), test.details());
            case SKIPPED -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", legal(test.failure() == null ? "skipped" : test.failure()));
                xml.writeEndElement();
            }
            case PASSED -> { }
        }
        for (Violation violation : test.violations()) {
            problem(xml, "failure", violation.kind().jsonName(), ViolationReport.oneLine(violation),
                    List.of(ViolationReport.format(violation)));
        }
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, String type, String message, List<String> body)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", legal(message == null ? type : message));
        xml.writeAttribute("type", type);
        if (!body.isEmpty()) {
            xml.writeCharacters(legal(String.join("\n", body)));
        }
        xml.writeEndElement();
    }

    /** The text with the control characters that XML 1.0 cannot carry (a console's escapes) as '?'. */
    private static String legal(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "?");
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0, seconds));
    }
}
