package io.meshproof.report;

import io.meshproof.report.html.IndexPage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The files of one target's report (DESIGN.md section 7): {@code conformance-report.json}, the same
 * content as {@code conformance-report.yaml}, and {@code index.html}.
 */
public final class ReportFiles {

    public static final String JSON = "conformance-report.json";
    public static final String YAML = "conformance-report.yaml";
    public static final String HTML = "index.html";

    private ReportFiles() {}

    /**
     * Writes the three files into {@code targetDir} (the target's own directory,
     * {@code <report dir>/<target name>}), creating it; returns the files written.
     */
    public static List<Path> write(ConformanceReport report, Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        Path json = Files.writeString(targetDir.resolve(JSON), ReportMapper.toJson(report));
        Path yaml = Files.writeString(targetDir.resolve(YAML), ReportMapper.toYaml(report));
        Path html = Files.writeString(targetDir.resolve(HTML), IndexPage.render(report));
        return List.of(json, yaml, html);
    }

    /**
     * Reads a {@code conformance-report.json} back.
     *
     * @throws InvalidReportException when the file is missing, not JSON, or not a consistent report;
     *                                the message says which file and what is wrong
     */
    public static ConformanceReport read(Path json) throws IOException {
        if (Files.isDirectory(json)) {
            throw new InvalidReportException(json, "is a directory; give the " + JSON + " in it");
        }
        if (!Files.isRegularFile(json)) {
            throw new InvalidReportException(json, "no such file");
        }
        JsonNode tree;
        try {
            tree = ReportMapper.json().readTree(json.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidReportException(json, "not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new InvalidReportException(json, "the file is empty");
        }
        requireShape(json, tree);
        ConformanceReport report;
        try {
            report = ReportMapper.json().treeToValue(tree, ConformanceReport.class);
        } catch (DatabindException e) {
            throw new InvalidReportException(json, "at " + path(e) + ": " + explain(e));
        }
        Summary counted = Summary.of(report.scenarios());
        if (!counted.equals(report.summary())) {
            throw new InvalidReportException(json, "the summary " + report.summary()
                    + " does not match its scenarios, which count " + counted + "; the file was edited or cut short");
        }
        return report;
    }

    /** The fields without which nothing can be read, with their JSON paths. */
    private static void requireShape(Path file, JsonNode tree) throws InvalidReportException {
        if (tree == null || !tree.isObject()) {
            throw new InvalidReportException(file, "not a conformance report: the top level is not a JSON object");
        }
        JsonNode target = tree.get("target");
        if (target == null || !target.isObject() || !target.path("name").isTextual()) {
            throw new InvalidReportException(file, "not a conformance report: no 'target' object with a 'name' "
                    + "(DESIGN.md section 7 lists the fields)");
        }
        if (!tree.path("summary").isObject()) {
            throw new InvalidReportException(file, "not a conformance report: no 'summary' object");
        }
        JsonNode scenarios = tree.get("scenarios");
        if (scenarios == null || !scenarios.isArray()) {
            throw new InvalidReportException(file, "not a conformance report: no 'scenarios' list");
        }
        for (int i = 0; i < scenarios.size(); i++) {
            JsonNode s = scenarios.get(i);
            String where = "scenarios[" + i + "]";
            if (!s.isObject()) {
                throw new InvalidReportException(file, "at " + where + ": a scenario must be an object");
            }
            for (String field : List.of("id", "result")) {
                if (!s.path(field).isTextual()) {
                    throw new InvalidReportException(file, "at " + where + ": no '" + field + "'");
                }
            }
            JsonNode checks = s.get("checks");
            if (checks != null && !checks.isNull()) {
                if (!checks.isArray()) {
                    throw new InvalidReportException(file, "at " + where + ".checks: must be a list");
                }
                for (int c = 0; c < checks.size(); c++) {
                    if (!checks.get(c).isObject() || !checks.get(c).path("result").isTextual()) {
                        throw new InvalidReportException(file, "at " + where + ".checks[" + c + "]: a check needs a 'result'");
                    }
                }
            }
        }
    }

    private static String explain(DatabindException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return "'" + f.getValue() + "' is not one of " + allowed;
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        return e.getOriginalMessage();
    }

    private static String path(DatabindException e) {
        if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
            return "(top level)";
        }
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
