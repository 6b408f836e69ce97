package io.meshproof.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The one Jackson configuration of every file the reports module writes or reads: map entries in
 * key order (evidence maps come from oracles as any kind of map, the files must not depend on it),
 * two-space indentation with {@code \n}, nulls written, unknown fields ignored on reading (a newer
 * writer may add fields).
 */
public final class ReportMapper {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(durations())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final ObjectWriter JSON_WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(durations())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // a version "1.30" must stay a string when the YAML is read back
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private ReportMapper() {}

    /**
     * Durations an oracle puts into expected or evidence values are written as a scenario writes
     * them ({@code 2s}, {@code 300ms}), not rejected as an unknown java.time type.
     */
    private static SimpleModule durations() {
        return new SimpleModule("meshproof-durations").addSerializer(Duration.class, new StdSerializer<>(Duration.class) {
            @Override
            public void serialize(Duration d, JsonGenerator gen, SerializerProvider provider) throws IOException {
                BigDecimal ms = BigDecimal.valueOf(d.toNanos()).movePointLeft(6);
                gen.writeString(ms.remainder(BigDecimal.valueOf(1000)).signum() == 0
                        ? ms.movePointLeft(3).stripTrailingZeros().toPlainString() + "s"
                        : ms.stripTrailingZeros().toPlainString() + "ms");
            }
        });
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Indented JSON ending in a newline. */
    public static String toJson(Object value) {
        try {
            return JSON_WRITER.writeValueAsString(value) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static ObjectMapper yaml() {
        return YAML;
    }

    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as YAML", e);
        }
    }
}
