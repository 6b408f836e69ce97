package io.meshproof.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as scenario files write them: {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h}. */
public final class DurationText {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private DurationText() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a number with a unit, such as 500ms, 2s, 1m");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    /** The shortest exact text for a duration ({@code 1500ms} becomes {@code 1.5s}). */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0 || ms == 0) {
            return ms + "ms";
        }
        return ms % 60_000 == 0 ? (ms / 60_000) + "m" : (ms / 1000) + "s";
    }

    static final class Deserializer extends StdScalarDeserializer<Duration> {
        Deserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            if (text == null) {
                return (Duration) ctxt.handleUnexpectedToken(Duration.class, p);
            }
            try {
                return parse(text);
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, e.getMessage());
            }
        }
    }
}
