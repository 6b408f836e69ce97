package io.meshproof.scenario;

import java.util.Map;

/** Lines of the places in a scenario file, by JSON pointer ({@code /mesh/routes/0/service}). */
public record SourcePositions(Map<String, Integer> lines) {

    public static final SourcePositions NONE = new SourcePositions(Map.of());

    public SourcePositions {
        lines = Map.copyOf(lines);
    }

    /** The line of {@code pointer}, or of its nearest enclosing place that has one; 1 when none. */
    public int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash <= 0) {
                return lines.getOrDefault("", 1);
            }
            p = p.substring(0, slash);
        }
    }
}
