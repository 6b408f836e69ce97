package io.meshproof.oracle;

import io.meshproof.scenario.Fraction;

import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges a bound on a fraction ({@code ">= 99%"}, {@code "<= 5%"}, {@code "40%..60%"}, {@code "0%"},
 * {@code "100%"}) the way DESIGN.md section 5 states it, for the status, rejected and latency oracles.
 *
 * <p>A bound fails only on evidence of violation: when the Clopper–Pearson interval at confidence
 * {@code 1 - alpha} lies wholly outside it, which a mesh inside the bound causes with probability at
 * most alpha. The sample must make that interval's half-width at most the resolution for a fraction
 * anywhere inside the bound (the worst case is the point of the bound nearest 50%); fewer counted
 * requests fail the check with the number needed. The missed violation is reported as the distance
 * outside the bound at which a mesh still passes with probability at most beta ({@code detectable}).
 * {@code "0%"} and {@code "100%"} allow no exception; their sample makes a true exception rate of
 * {@code resolution} or more show at least once with probability at least {@code 1 - beta}.
 */
final class FractionBound {

    private final Fraction bound;
    private final ErrorRates rates;

    FractionBound(Fraction bound, ErrorRates rates) {
        this.bound = bound;
        this.rates = rates;
    }

    /** Counted requests needed for the bound's resolution (or, for 0% and 100%, its missed-violation rate). */
    int requiredCount() {
        if (bound.exact()) {
            return BinomialTails.trialsToSeeOnce(rates.resolution(), rates.missedViolation());
        }
        double p = Math.max(bound.low(), Math.min(bound.high(), 0.5));
        int hi = 1;
        while (halfWidth(hi, p) > rates.resolution()) {
            hi *= 2;
        }
        int lo = hi / 2;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (halfWidth(mid, p) > rates.resolution()) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** The widest interval half-width at n for counts next to n * p. */
    private double halfWidth(int n, double p) {
        double floor = ClopperPearson.interval((int) Math.floor(n * p), n, rates.falseFailure()).halfWidth();
        double ceil = ClopperPearson.interval((int) Math.ceil(n * p), n, rates.falseFailure()).halfWidth();
        return Math.max(floor, ceil);
    }

    /**
     * The verdict for {@code count} of {@code n} counted requests being {@code subject} ("requests
     * with status 200"); {@code extra} evidence goes first.
     */
    Verdict judge(String subject, int count, int n, Map<String, Object> extra) {
        int required = requiredCount();
        double observed = n == 0 ? 0 : (double) count / n;
        Interval interval = ClopperPearson.interval(count, n, rates.falseFailure());

        Map<String, Object> evidence = new LinkedHashMap<>(extra);
        evidence.put("count", count);
        evidence.put("n", n);
        evidence.put("observed", Percent.points(observed));
        evidence.put("interval", interval.percent());
        evidence.put("halfWidth", Percent.points(interval.halfWidth()));
        evidence.put("bound", bound.text());
        evidence.put("alpha", rates.falseFailure());
        evidence.put("beta", rates.missedViolation());
        evidence.put("resolution", Percent.points(rates.resolution()));
        evidence.put("nRequired", required);
        Double detectable = n == 0 ? null : detectable(n);
        evidence.put("detectable", detectable == null ? null : Percent.points(detectable));

        double shown = Percent.points(observed);
        String measured = subject + ": " + Percent.of(observed) + " of " + n + " (interval " + interval.text() + ")";
        if (n < required) {
            return new Verdict(false, bound.text(), shown, evidence,
                    "only " + n + " requests counted toward " + subject + ", but the bound " + bound.text() + " needs at least "
                            + required + (bound.exact() ? " to catch an exception rate of " + Percent.of(rates.resolution())
                            : " for a resolution of " + Percent.number(rates.resolution()) + " points"));
        }
        if (accepts(count, n)) {
            return new Verdict(true, bound.text(), shown, evidence,
                    measured + (bound.exact() ? ", without exception as " + bound.text() + " requires" : ", consistent with the bound " + bound.text()));
        }
        if (bound.exact()) {
            int exceptions = bound.high() == 1 ? n - count : count;
            return new Verdict(false, bound.text(), shown, evidence, measured + ", but " + bound.text() + " allows no exception and "
                    + exceptions + (exceptions == 1 ? " was" : " were") + " seen");
        }
        String side = interval.high() < bound.low() ? "below" : "above";
        return new Verdict(false, bound.text(), shown, evidence, measured + ", wholly " + side + " the bound " + bound.text());
    }

    /** A bound other than 0% and 100% holds unless the interval lies wholly outside it. */
    private boolean accepts(Interval interval) {
        return interval.high() >= bound.low() && interval.low() <= bound.high();
    }

    /** Whether {@code count} of {@code n} passes, given n is large enough. */
    boolean accepts(int count, int n) {
        if (bound.exact()) {
            return bound.high() == 1 ? count == n : count == 0;
        }
        return accepts(ClopperPearson.interval(count, n, rates.falseFailure()));
    }

    /**
     * The smallest distance outside the bound at which a mesh passes with probability at most beta at
     * n counted requests; null when some violating fraction always passes (too few requests).
     */
    Double detectable(int n) {
        double beta = rates.missedViolation();
        if (bound.exact()) {
            return 1 - Math.pow(beta, 1.0 / n);
        }
        double worst = 0;
        if (bound.low() > 0) {
            int firstAccepted = firstAccepted(n);
            if (firstAccepted == 0) {
                return null;
            }
            // P(pass | p) <= P(X >= firstAccepted | p), which grows with p: the largest p below the bound where it is <= beta.
            double p = BinomialTails.boundary(q -> BinomialDistribution.of(n, q).survivalProbability(firstAccepted - 1) <= beta, 0, bound.low());
            worst = Math.max(worst, bound.low() - p);
        }
        if (bound.high() < 1) {
            int lastAccepted = lastAccepted(n);
            if (lastAccepted == n) {
                return null;
            }
            // P(pass | p) <= P(X <= lastAccepted | p), which falls with p: the smallest p above the bound where it is <= beta.
            double p = BinomialTails.boundary(q -> BinomialDistribution.of(n, q).cumulativeProbability(lastAccepted) <= beta, 1, bound.high());
            worst = Math.max(worst, p - bound.high());
        }
        return worst;
    }

    /** The smallest count whose interval reaches up to the bound's low end. */
    private int firstAccepted(int n) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (ClopperPearson.interval(mid, n, rates.falseFailure()).high() >= bound.low()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The largest count whose interval reaches down to the bound's high end. */
    private int lastAccepted(int n) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (ClopperPearson.interval(mid, n, rates.falseFailure()).low() <= bound.high()) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
