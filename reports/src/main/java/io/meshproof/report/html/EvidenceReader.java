package io.meshproof.report.html;

import io.meshproof.report.CheckReport;
import io.meshproof.report.EvidenceKeys;

import java.time.Duration;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the evidence of a check in the shapes {@link EvidenceKeys} describes, tolerating what a
 * hand-edited or older report may hold: a chart is drawn only from values that parse.
 */
final class EvidenceReader {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");

    private EvidenceReader() {}

    static Double number(Object v) {
        return v instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** {@code {key: number}} in natural key order; entries that are not numbers are left out. */
    static Map<String, Double> numbers(Object v) {
        Map<String, Double> out = new TreeMap<>(NaturalOrder.INSTANCE);
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                Double d = number(x);
                if (d != null) {
                    out.put(String.valueOf(k), d);
                }
            });
        }
        return out;
    }

    /** {@code [low, high]} as two numbers, or null. */
    static double[] range(Object v) {
        if (v instanceof List<?> l && l.size() == 2 && number(l.get(0)) != null && number(l.get(1)) != null) {
            double a = number(l.get(0));
            double b = number(l.get(1));
            return new double[] {Math.min(a, b), Math.max(a, b)};
        }
        return null;
    }

    /** {@code {key: [low, high]}}; entries that are not ranges are left out. */
    static Map<String, double[]> ranges(Object v) {
        Map<String, double[]> out = new TreeMap<>(NaturalOrder.INSTANCE);
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                double[] r = range(x);
                if (r != null) {
                    out.put(String.valueOf(k), r);
                }
            });
        }
        return out;
    }

    /**
     * A fraction bound in percent: the scenario's text ({@code ">= 99%"}, {@code "<= 5%"},
     * {@code "40%..60%"}, {@code "100%"}), a {@code [low, high]} list, or a map with its {@code text}.
     */
    static double[] bound(Object v) {
        if (v instanceof Map<?, ?> m && m.get("text") != null) {
            return bound(m.get("text"));
        }
        double[] r = range(v);
        if (r != null) {
            return r;
        }
        if (!(v instanceof String s)) {
            return null;
        }
        String t = s.strip();
        try {
            if (t.startsWith(">=") || t.startsWith("≥")) {
                return new double[] {percent(t.substring(t.startsWith(">=") ? 2 : 1)), 100};
            }
            if (t.startsWith("<=") || t.startsWith("≤")) {
                return new double[] {0, percent(t.substring(t.startsWith("<=") ? 2 : 1))};
            }
            int dots = t.indexOf("..");
            if (dots > 0) {
                return new double[] {percent(t.substring(0, dots)), percent(t.substring(dots + 2))};
            }
            double exact = percent(t);
            return new double[] {exact, exact};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static double percent(String s) {
        Matcher m = PERCENT.matcher(s.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(s);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A duration in ms: a number (ms), {@code "2s"}, {@code "300ms"}, {@code "1.5 s"}, {@code "PT2S"}; or null. */
    static Double millis(Object v) {
        Double n = number(v);
        if (n != null) {
            return n;
        }
        if (!(v instanceof String s)) {
            return null;
        }
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT)).toNanos() / 1e6;
            } catch (RuntimeException e) {
                return null;
            }
        }
        Matcher m = DURATION.matcher(t);
        if (!m.matches()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        return switch (unit) {
            case "s" -> value * 1000;
            case "m", "min" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> value;
        };
    }

    /** The latency a latency check compares with, in ms: evidence {@code thresholdMs}, else from {@code expected}. */
    static Double thresholdMs(CheckReport check) {
        Double t = millis(check.evidence().get(EvidenceKeys.THRESHOLD_MS));
        if (t != null) {
            return t;
        }
        if (check.expected() instanceof Map<?, ?> m) {
            for (String key : List.of("atLeast", "below", "slowerThan", "atLeastMs", "belowMs", "slowerThanMs")) {
                Double d = millis(m.get(key));
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** A short label for a latency check's threshold: {@code p50 ≥ 2 s}, {@code p99 < 300 ms}, {@code slower than 1 s}. */
    static String thresholdLabel(CheckReport check, double thresholdMs) {
        String t = Format.millis(thresholdMs);
        if (check.expected() instanceof Map<?, ?> m) {
            Double p = number(m.get("percentile"));
            String percentile = p == null ? "" : "p" + Format.number(p) + " ";
            if (m.containsKey("atLeast") || m.containsKey("atLeastMs")) {
                return percentile + "≥ " + t;
            }
            if (m.containsKey("below") || m.containsKey("belowMs")) {
                return percentile + "< " + t;
            }
            if (m.containsKey("slowerThan") || m.containsKey("slowerThanMs")) {
                return "slower than " + t;
            }
        }
        if (check.name() != null && check.name().matches(".*\\d.*")) {
            return check.name();
        }
        return (check.name() != null ? check.name() : check.kind()) + " (" + t + ")";
    }
}
