package io.meshproof.oracle;

import java.util.List;

/** A confidence interval for a proportion, as proportions in [0, 1]. */
record Interval(double low, double high) {

    double halfWidth() {
        return (high - low) / 2;
    }

    /** The interval in percent, rounded outward to 0.01 points so the printed interval never claims more than the exact one. */
    List<Double> percent() {
        return List.of(Math.floor(low * 10_000) / 100, Math.ceil(high * 10_000) / 100);
    }

    /** "13.14–16.71%", rounded outward as {@link #percent()} */
    String text() {
        List<Double> p = percent();
        return Percent.plain(p.get(0)) + "–" + Percent.plain(p.get(1)) + "%";
    }
}
