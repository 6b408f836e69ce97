package io.meshproof.report.html;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How numbers, durations and evidence values read on the pages (plain text; escape before use). */
public final class Format {

    private Format() {}

    /** Integers as they are; others to four significant digits; tiny ones (alpha) in e-notation. */
    public static String number(Number n) {
        if (n == null) {
            return "—";
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        if (Math.abs(d) < 1e-3) {
            String[] parts = String.format(Locale.ROOT, "%.2e", d).split("e");
            String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
            return mantissa + "e" + Integer.parseInt(parts[1]);
        }
        MathContext digits = Math.abs(d) >= 1000 ? new MathContext(String.valueOf((long) Math.abs(d)).length() + 1)
                : new MathContext(4);
        return new BigDecimal(d).round(digits).stripTrailingZeros().toPlainString();
    }

    /** A duration in ms as a person says it: {@code 0.42 ms}, {@code 412 ms}, {@code 31.2 s}, {@code 5 min 12 s}. */
    public static String millis(double ms) {
        if (Double.isNaN(ms)) {
            return "—";
        }
        double a = Math.abs(ms);
        if (a < 1) {
            return number(round(ms, 2)) + " ms";
        }
        if (a < 100) {
            return number(round(ms, 1)) + " ms";
        }
        if (a < 1000) {
            return Math.round(ms) + " ms";
        }
        if (a < 60_000) {
            return number(round(ms / 1000, a < 10_000 ? 2 : 1)) + " s";
        }
        long s = Math.round(ms / 1000);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return (h > 0 ? h + " h " : "") + m + " min" + (sec > 0 && h == 0 ? " " + sec + " s" : "");
    }

    /** A time-axis label in seconds: {@code 0 s}, {@code 2.5 s}, {@code -1 s}, {@code 2 min}. */
    public static String axisSeconds(double ms) {
        if (Math.abs(ms) >= 120_000 && ms % 60_000 == 0) {
            return (long) (ms / 60_000) + " min";
        }
        return number(round(ms / 1000, 2)) + " s";
    }

    public static String percent(double p) {
        return number(round(p, p >= 10 ? 1 : 2)) + "%";
    }

    /** An expected, observed or evidence value on one line: maps as {@code v1: 90 · v2: 10}, lists as {@code [87.9, 91.3]}. */
    public static String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                return "{}";
            }
            return sorted(m).stream()
                    .map(e -> e.getKey() + ": " + nested(e.getValue()))
                    .collect(Collectors.joining(" · "));
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Format::nested).collect(Collectors.joining(", ", "[", "]"));
        }
        return v.toString();
    }

    private static String nested(Object v) {
        if (v instanceof Map<?, ?> m) {
            return sorted(m).stream().map(e -> e.getKey() + ": " + nested(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value(v);
    }

    /** Entries in natural key order: the page must not depend on the kind of map an oracle used. */
    private static List<Map.Entry<?, ?>> sorted(Map<?, ?> m) {
        List<Map.Entry<?, ?>> entries = new java.util.ArrayList<>(m.entrySet());
        entries.sort((a, b) -> NaturalOrder.INSTANCE.compare(a.getKey(), b.getKey()));
        return entries;
    }

    private static double round(double d, int decimals) {
        return BigDecimal.valueOf(d).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
