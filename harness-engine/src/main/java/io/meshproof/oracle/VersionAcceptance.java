package io.meshproof.oracle;

import java.util.List;

/**
 * Which counts of answers a split accepts for one version at a sample size: {@code low <= count <= high}.
 *
 * @param weight          the version's weight, a proportion
 * @param n               answers with a version
 * @param low             smallest accepted count
 * @param high            largest accepted count
 * @param falseFailure    P(count outside [low, high]) when the version gets exactly its weight
 * @param missedViolation largest P(count inside [low, high]) when its share is off by the tolerance or more
 */
record VersionAcceptance(double weight, int n, int low, int high, double falseFailure, double missedViolation) {

    boolean accepts(int count) {
        return count >= low && count <= high;
    }

    boolean exists() {
        return low <= high;
    }

    /** Accepted shares in percent, [low%, high%]. */
    List<Double> percent() {
        return List.of(Percent.points((double) low / n), Percent.points((double) high / n));
    }

    /** "6.9–13.2%" */
    String text() {
        return Percent.number((double) low / n) + "–" + Percent.of((double) high / n);
    }
}
