package io.meshproof.load.gatling.fork;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.meshproof.load.LoadPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the harness and its load fork say to each other. The harness writes an {@link Input} as JSON
 * and names it as the fork's only argument; the fork writes the records as CSV where the input says
 * and reports on stdout in lines that start with {@value #PREFIX}. Everything else the fork prints is log.
 */
public final class ForkProtocol {

    static final String PREFIX = "@@meshproof ";

    /**
     * @param plan           the load to drive (its checks run again when the fork reads it)
     * @param recordsFile    where the fork writes the records, as {@link io.meshproof.load.RequestRecordCsv}
     * @param warmUpRequests requests to a server inside the fork before the load, not recorded (0: none)
     */
    public record Input(LoadPlan plan, String recordsFile, int warmUpRequests) {
        public Input {
            if (warmUpRequests < 0) {
                throw new IllegalArgumentException("warm-up requests must be zero or more, was " + warmUpRequests);
            }
        }
    }

    /** A protocol line: its kind and its numbers. */
    public record Line(Kind kind, long[] values) {
    }

    public enum Kind {
        /** The load starts now: wall-clock epoch microseconds. */
        started,
        /** Requests sent so far, and milliseconds since the start. */
        progress,
        /** The load ended: wall-clock epoch microseconds, requests sent, requests recorded. */
        ended
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private ForkProtocol() {
    }

    /** The plan's request timeout; without one, a request may last as long as the load. */
    public static Duration requestTimeout(LoadPlan plan) {
        return plan.requestTimeout() == null ? plan.maxDuration() : plan.requestTimeout();
    }

    public static void writeInput(Input input, Path file) throws IOException {
        JSON.writeValue(file.toFile(), input);
    }

    public static Input readInput(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Input.class);
    }

    static String line(Kind kind, long... values) {
        StringBuilder line = new StringBuilder(PREFIX).append(kind.name());
        for (long value : values) {
            line.append(' ').append(value);
        }
        return line.toString();
    }

    /** The protocol line in a line of the fork's output, or empty when the line is log. */
    public static Optional<Line> parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] words = text.substring(PREFIX.length()).trim().split(" ");
        try {
            Kind kind = Kind.valueOf(words[0]);
            long[] values = new long[words.length - 1];
            for (int i = 1; i < words.length; i++) {
                values[i - 1] = Long.parseLong(words[i]);
            }
            return Optional.of(new Line(kind, values));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
