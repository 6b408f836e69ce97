package io.meshproof.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a scenario file strictly: unknown fields, wrong types and bad values are errors that name
 * the file, the line, what is wrong and how to fix it; then {@link ScenarioValidator} checks the
 * meaning (weights, services, versions).
 */
public final class ScenarioReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .addModule(new SimpleModule("meshproof-scenario").addDeserializer(Duration.class, new DurationText.Deserializer()))
            .build();

    private ScenarioReader() {
    }

    public static Scenario read(Path file) throws InvalidScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw problem(file, 1, "cannot read the file: " + e.getMessage(), "check that the file exists and is readable");
        }
        return read(file, text);
    }

    public static Scenario read(Path file, String text) throws InvalidScenarioException {
        if (text.isBlank()) {
            throw problem(file, 1, "the file is empty", "write a scenario as described in README.md (id, title, feature, traffic, expect)");
        }
        ScenarioDocument doc;
        try {
            doc = MAPPER.readValue(text, ScenarioDocument.class);
        } catch (JacksonException e) {
            throw problem(file, lineOf(e), explain(e), fixFor(e));
        }
        if (doc == null) {
            throw problem(file, 1, "the file holds no scenario", "write a scenario as described in README.md");
        }
        SourcePositions positions = YamlPositionIndex.of(text);
        List<ScenarioProblem> problems = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        List<ScenarioDocument.ExpectationEntry> entries = doc.expect() == null ? List.of() : doc.expect();
        for (int i = 0; i < entries.size(); i++) {
            ScenarioDocument.ExpectationEntry entry = entries.get(i);
            List<Expectation> present = entry == null ? List.of() : entry.present();
            if (present.size() == 1) {
                expectations.add(present.get(0));
            } else {
                problems.add(new ScenarioProblem(file, positions.lineOf("/expect/" + i),
                        "each item of expect must name exactly one kind of check, this one names " + present.size(),
                        "write one of: " + String.join("; ", ScenarioDocument.KINDS.values())));
            }
        }
        Scenario scenario = new Scenario(doc.id(), doc.title(), doc.feature(), doc.setup(), doc.mesh(), doc.traffic(),
                doc.chaos(), expectations, file, positions);
        if (problems.isEmpty()) {
            problems.addAll(new ScenarioValidator(scenario).problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidScenarioException(problems);
        }
        return scenario;
    }

    private static InvalidScenarioException problem(Path file, int line, String what, String fix) {
        return new InvalidScenarioException(List.of(new ScenarioProblem(file, line, what, fix)));
    }

    private static int lineOf(JacksonException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    /** Where in the document the error is, as a YAML path: {@code mesh.routes[0].rules[1]}. */
    private static String where(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String explain(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String parent = where(u);
            int cut = parent.lastIndexOf('.');
            String container = u.getPath().size() <= 1 ? "the top level" : parent.substring(0, Math.max(cut, 0));
            return "unknown field '" + u.getPropertyName() + "' in " + container;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            return where(v) + ": " + v.getCause().getMessage();
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return where(f) + ": '" + f.getValue() + "' is not one of " + enumValues(f.getTargetType());
        }
        if (e instanceof InvalidFormatException f) {
            return where(f) + ": '" + f.getValue() + "' is not a valid " + simpleType(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return where(m) + ": expected " + simpleType(m.getTargetType()) + " here";
        }
        String message = e.getOriginalMessage();
        return "the file is not valid YAML: " + (message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(""));
    }

    private static String fixFor(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return "use one of the known fields: " + known + " (field names are the contract of DESIGN.md section 4)";
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            return "write one of " + enumValues(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && m.getTargetType().getSimpleName().equals("Duration")) {
            return "write a duration such as 500ms or 2s";
        }
        if (e instanceof MismatchedInputException) {
            return "see the scenario format in README.md";
        }
        return "check the indentation and quoting around that line";
    }

    private static String enumValues(Class<?> type) {
        Object[] values = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object v : values) {
            names.add(((Enum<?>) v).name());
        }
        return String.join(", ", names);
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Duration.class) {
            return "duration (a number with a unit, such as 500ms or 2s)";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a map of fields";
        }
        return type.getSimpleName();
    }
}
