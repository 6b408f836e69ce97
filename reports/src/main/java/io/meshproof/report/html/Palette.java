package io.meshproof.report.html;

import java.util.Map;

/** The charts' colours: calm for what went well, warm for errors, one hue per connection error. */
final class Palette {

    static final String INK = "#1f2933";
    static final String MUTED = "#6b7785";
    static final String GRID = "#e3e7ec";
    static final String TRACK = "#f1f3f6";
    static final String ACCEPT = "#bfe3c9";
    static final String OBSERVED = "#4a78a8";
    static final String BAD = "#c0392b";
    static final String GOOD = "#2e7d4f";
    static final String BAND = "#f6d7a7";

    private static final Map<String, String> OUTCOMES = Map.of(
            "1xx", "#9fb3c8", "2xx", "#6aa57a", "3xx", "#6fa8c0", "4xx", "#e3a33b", "5xx", "#d0543f",
            "reset", "#8e2c48", "refused", "#7b5ea7", "timeout", "#8b6b3e", "other", "#8a939c");

    private static final String[] SERIES = {"#4a78a8", "#e08e3c", "#59a14f", "#b07aa1", "#76b7b2", "#c9a227",
            "#9c755f", "#e17c8a"};

    private Palette() {}

    static String outcome(String key) {
        return OUTCOMES.getOrDefault(key, OUTCOMES.get("other"));
    }

    static String series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    /** Convergence in green, chaos in orange, ejections in purple, anything else grey. */
    static String event(String kind) {
        if (kind == null) {
            return MUTED;
        }
        return switch (kind) {
            case "converged" -> GOOD;
            case "kill", "restart", "controlPlaneOutage", "chaos" -> "#c75b12";
            case "ejected" -> "#6a3d9a";
            default -> MUTED;
        };
    }
}
