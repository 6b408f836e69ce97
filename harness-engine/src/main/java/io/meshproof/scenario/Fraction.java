package io.meshproof.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A bound on a fraction, as written in a scenario: {@code ">= 99%"}, {@code "<= 5%"},
 * {@code "40%..60%"}, or the exact {@code "0%"} / {@code "100%"} that allow no exception.
 * Bounds are held as proportions in [0, 1].
 */
public record Fraction(double low, double high, String text) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Fraction parse(String text) {
        String s = text.strip();
        try {
            if (s.startsWith(">=")) {
                return new Fraction(percent(s.substring(2)), 1.0, text);
            }
            if (s.startsWith("<=")) {
                return new Fraction(0.0, percent(s.substring(2)), text);
            }
            int range = s.indexOf("..");
            if (range > 0) {
                double low = percent(s.substring(0, range));
                double high = percent(s.substring(range + 2));
                if (low > high) {
                    throw new IllegalArgumentException("'" + text + "': the low end is above the high end");
                }
                return new Fraction(low, high, text);
            }
            double exact = percent(s);
            if (exact == 0.0 || exact == 1.0) {
                return new Fraction(exact, exact, text);
            }
        } catch (NumberFormatException e) {
            // fall through to the explanation below
        }
        throw new IllegalArgumentException("'" + text + "' is not a fraction: write \">= 99%\", \"<= 5%\", \"40%..60%\", \"0%\" or \"100%\"");
    }

    private static double percent(String s) {
        String t = s.strip();
        if (!t.endsWith("%")) {
            throw new NumberFormatException(t);
        }
        double value = Double.parseDouble(t.substring(0, t.length() - 1).strip());
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("'" + s.strip() + "' is outside 0%..100%");
        }
        return value / 100.0;
    }

    /** "0%" or "100%": no exception allowed. */
    public boolean exact() {
        return low == high;
    }

    public boolean contains(double p) {
        return p >= low && p <= high;
    }

    @Override
    public String toString() {
        return text;
    }
}
