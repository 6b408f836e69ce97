package io.meshproof.oracle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The acceptance region of a split check and the number of versioned answers it needs, from exact
 * binomial tails (DESIGN.md section 5).
 *
 * <p>For a version of weight w (0 < w < 1) and tolerance t, the accepted counts at n answers are the
 * widest interval [a, b] such that a share of w - t or less (or w + t or more) lands inside with
 * probability at most beta: a is the smallest count with P(X >= a | w - t) <= beta, b the largest with
 * P(X <= b | w + t) <= beta (the probability of an interval is largest at the nearest violating share,
 * so these bound every violation). That region is the one most lenient to meshes within the tolerance;
 * n is enough when a correct mesh (share exactly w) falls outside it with probability at most the
 * version's share of alpha. Alpha is split over the versions by a union bound; with exactly two
 * versions of fractional weight the two counts determine each other and the two events are one, so
 * that version pair gets the whole alpha. A version at weight 100 (or 0) accepts only all (or none)
 * of the answers: a correct mesh never fails that, and a mesh that sends a share t elsewhere passes
 * with probability (1 - t)^n. A version outside the split must not answer at all, which bounds its
 * missed violation the same way.
 */
final class SplitDesign {

    /** Enough for any tolerance of at least 0.1 points at the rates a suite uses; beyond it a scenario is unplannable. */
    static final int MAX_ANSWERS = 50_000_000;

    private final Map<String, Double> weights;
    private final double tolerance;
    private final double alpha;
    private final double alphaPerVersion;
    private final boolean onePair;
    private final double beta;
    private final Map<String, Integer> weightsInPoints;

    SplitDesign(Map<String, Integer> weightsInPoints, double tolerancePoints, ErrorRates rates) {
        Map<String, Double> w = new TreeMap<>();
        weightsInPoints.forEach((version, points) -> w.put(version, points / 100.0));
        this.weights = Collections.unmodifiableMap(w);
        this.tolerance = tolerancePoints / 100.0;
        this.alpha = rates.falseFailure();
        this.beta = rates.missedViolation();
        this.weightsInPoints = new TreeMap<>(weightsInPoints);
        long fractional = w.values().stream().filter(SplitDesign::fractional).count();
        this.onePair = fractional <= 2;
        this.alphaPerVersion = onePair ? alpha : alpha / fractional;
    }

    Map<String, Double> weights() {
        return weights;
    }

    double alpha() {
        return alpha;
    }

    double alphaPerVersion() {
        return alphaPerVersion;
    }

    double beta() {
        return beta;
    }

    private static boolean fractional(double w) {
        return w > 0 && w < 1;
    }

    /** The accepted counts of one version of the split at {@code n} answers. */
    VersionAcceptance acceptance(String version, int n) {
        double w = weights.get(version);
        if (!fractional(w)) {
            int only = w >= 1 ? n : 0;
            return new VersionAcceptance(w, n, only, only, 0, Math.pow(1 - tolerance, n));
        }
        double lowViolation = w - tolerance;
        double highViolation = w + tolerance;
        int low = lowViolation < 0 ? 0 : BinomialTails.smallestUpperCut(n, lowViolation, beta);
        int high = highViolation > 1 ? n : BinomialTails.largestLowerCut(n, highViolation, beta);
        if (low > high) {
            return new VersionAcceptance(w, n, low, high, 1, 0);
        }
        double missed = Math.max(
                lowViolation < 0 ? 0 : BinomialTails.inside(n, lowViolation, low, high),
                highViolation > 1 ? 0 : BinomialTails.inside(n, highViolation, low, high));
        return new VersionAcceptance(w, n, low, high, BinomialTails.outside(n, w, low, high), missed);
    }

    /** The acceptance of every version at n answers, and the check's error rates there. */
    Assessment at(int n) {
        Map<String, VersionAcceptance> all = new LinkedHashMap<>();
        double sum = 0;
        double max = 0;
        double missed = Math.pow(1 - tolerance, n); // a version outside the split with share t never answering
        boolean eachHolds = n >= 1;
        for (String version : weights.keySet()) {
            VersionAcceptance a = acceptance(version, n);
            all.put(version, a);
            eachHolds &= a.exists() && a.falseFailure() <= alphaPerVersion;
            sum += a.falseFailure();
            max = Math.max(max, a.falseFailure());
            missed = Math.max(missed, a.missedViolation());
        }
        double falseFailure = onePair ? max : sum;
        return new Assessment(n, Collections.unmodifiableMap(all), falseFailure, missed, eachHolds && missed <= beta);
    }

    /**
     * The split check at one sample size.
     *
     * @param falseFailure    upper bound on the chance a correct mesh fails (the union bound over versions)
     * @param missedViolation upper bound on the chance a mesh off by the tolerance passes (the worst single violation)
     * @param holds           both rates are within the check's alpha share per version and beta
     */
    record Assessment(int n, Map<String, VersionAcceptance> acceptances, double falseFailure, double missedViolation, boolean holds) {}

    boolean holds(int n) {
        return at(n).holds();
    }

    /**
     * The smallest number of versioned answers at which both error rates hold. The exact tails are
     * not monotone in n (the cuts move in whole counts), so the search first brackets by doubling,
     * narrows by bisection, then steps down while the rates still hold.
     */
    int requiredAnswers() {
        int hi = Math.max(1, BinomialTails.trialsToSeeOnce(tolerance, beta));
        int lo = 0;
        while (!holds(hi)) {
            lo = hi;
            if (hi >= MAX_ANSWERS) {
                throw new IllegalArgumentException("a split of " + weightsInPoints + " with tolerance " + Percent.number(tolerance)
                        + " points needs more than " + MAX_ANSWERS + " answers at these error rates: widen the tolerance");
            }
            hi = (int) Math.min((long) hi * 2, MAX_ANSWERS);
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (holds(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        int found = hi;
        for (int n = hi - 1; n >= Math.max(1, hi - 64); n--) {
            if (holds(n)) {
                found = n;
            }
        }
        return found;
    }

    /**
     * The check at the largest n' <= n at which both rates hold (n itself almost always). Judging on the first n'
     * answers keeps both rates when the whole count happens to sit in a gap of the exact tails; which
     * answers are dropped depends only on n, never on what they say.
     */
    Assessment judgeable(int n, int required) {
        for (int m = n; m > required; m--) {
            Assessment a = at(m);
            if (a.holds()) {
                return a;
            }
        }
        return at(required);
    }
}
