package io.meshproof.oracle;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.DurationText;
import io.meshproof.scenario.Expectation;

import org.HdrHistogram.Histogram;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges latency: a percentile bound ({@code percentile} with {@code atLeast} or {@code below}) or the
 * fraction of requests slower than a threshold ({@code slowerThan} with {@code fraction}).
 *
 * <p>The load is an open workload, so latencies need no coordinated-omission correction. Resets,
 * refusals and other connection failures carry no latency and are left out (reported as
 * {@code excluded}). A request the client gave up on ({@link ConnectionError#TIMEOUT}) took at least
 * its recorded latency; it counts at that value, a lower bound, because leaving it out would hide
 * exactly the slow requests a latency bound is about (a 7 s delay behind a 5 s client timeout).
 *
 * <p>A percentile bound reports the percentile and its distribution-free confidence interval
 * ({@link PercentileInterval}) and fails only when the interval lies wholly on the wrong side. The
 * sample must bring the interval within the resolution in quantile levels (5 points: the p50
 * interval spans at most p45..p55), and must be large enough for the deciding end of the interval to
 * exist. The decision uses the exact recorded values; an HdrHistogram summary goes into the evidence.
 */
public final class LatencyOracle implements Oracle<Expectation.Latency> {

    private static final int SIGNIFICANT_DIGITS = 3;

    @Override
    public int requiredRequests(Expectation.Latency latency, ErrorRates rates) {
        return plan(latency, rates).counted();
    }

    public SamplePlan plan(Expectation.Latency latency, ErrorRates rates) {
        int counted = latency.percentile() != null ? requiredForPercentile(latency, rates)
                : new FractionBound(latency.fraction(), rates).requiredCount();
        return new SamplePlan(counted, SamplePlan.Counting.TIMED);
    }

    private static int requiredForPercentile(Expectation.Latency latency, ErrorRates rates) {
        int hi = 1;
        while (!enough(latency, hi, rates)) {
            hi *= 2;
        }
        int lo = hi / 2;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (enough(latency, mid, rates)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static boolean enough(Expectation.Latency latency, int n, ErrorRates rates) {
        PercentileInterval interval = PercentileInterval.of(n, latency.percentile() / 100, rates.falseFailure());
        boolean decidingEndExists = latency.atLeast() != null ? interval.hasUpper() : interval.hasLower();
        return decidingEndExists && interval.levelHalfWidth() <= rates.resolution();
    }

    @Override
    public Verdict judge(Expectation.Latency latency, Observations observations, ErrorRates rates) {
        List<RequestRecord> timed = new ArrayList<>();
        Map<String, Integer> excluded = new LinkedHashMap<>();
        int timeouts = 0;
        for (RequestRecord r : observations.records()) {
            if (!r.connectionFailed() || r.error() == ConnectionError.TIMEOUT) {
                timed.add(r);
                timeouts += r.error() == ConnectionError.TIMEOUT ? 1 : 0;
            } else {
                excluded.merge(Outcomes.name(r.error()), 1, Integer::sum);
            }
        }
        long[] micros = timed.stream().mapToLong(RequestRecord::latencyMicros).sorted().toArray();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("excluded", excluded);
        evidence.put("timeoutsAsLowerBounds", timeouts);
        evidence.put("distribution", distribution(micros));
        return latency.percentile() != null
                ? judgePercentile(latency, micros, rates, evidence)
                : judgeSlowerThan(latency, micros, rates, evidence);
    }

    private static Verdict judgeSlowerThan(Expectation.Latency latency, long[] micros, ErrorRates rates, Map<String, Object> evidence) {
        long threshold = toMicros(latency.slowerThan());
        int slower = (int) Arrays.stream(micros).filter(m -> m > threshold).count();
        evidence.put("slowerThan", DurationText.format(latency.slowerThan()));
        return new FractionBound(latency.fraction(), rates)
                .judge("responses slower than " + DurationText.format(latency.slowerThan()), slower, micros.length, evidence);
    }

    private static Verdict judgePercentile(Expectation.Latency latency, long[] micros, ErrorRates rates, Map<String, Object> evidence) {
        int n = micros.length;
        double q = latency.percentile() / 100;
        boolean atLeast = latency.atLeast() != null;
        Duration bound = atLeast ? latency.atLeast() : latency.below();
        long boundMicros = toMicros(bound);
        String name = "p" + BigDecimal.valueOf(latency.percentile()).stripTrailingZeros().toPlainString();
        String boundText = name + (atLeast ? " >= " : " < ") + DurationText.format(bound);
        int required = requiredForPercentile(latency, rates);

        evidence.put("percentile", latency.percentile());
        evidence.put("bound", boundText);
        evidence.put("n", n);
        evidence.put("nRequired", required);
        evidence.put("alpha", rates.falseFailure());
        evidence.put("resolution", Percent.points(rates.resolution()));
        if (n < required) {
            return new Verdict(false, boundText, null, evidence,
                    "only " + n + " requests had a latency, but the bound " + boundText + " needs at least " + required
                            + " for its confidence interval at a resolution of " + Percent.number(rates.resolution()) + " points");
        }
        PercentileInterval interval = PercentileInterval.of(n, q, rates.falseFailure());
        Long low = interval.hasLower() ? micros[interval.lower() - 1] : null;
        Long high = interval.hasUpper() ? micros[interval.upper() - 1] : null;
        long value = micros[Math.max(0, (int) Math.ceil(q * n) - 1)];
        double observed = millis(value);
        List<Object> intervalMillis = new ArrayList<>();
        intervalMillis.add(low == null ? null : millis(low));
        intervalMillis.add(high == null ? null : millis(high));
        List<Object> ranks = new ArrayList<>();
        ranks.add(interval.hasLower() ? interval.lower() : null);
        ranks.add(interval.hasUpper() ? interval.upper() : null);
        evidence.put("valueMs", observed);
        evidence.put("intervalMs", intervalMillis);
        evidence.put("ranks", ranks);
        evidence.put("levelHalfWidth", Percent.points(interval.levelHalfWidth()));
        evidence.put("beta", rates.missedViolation());
        Double detectable = interval.detectable(atLeast, rates.missedViolation());
        evidence.put("detectable", detectable == null ? null : Percent.points(detectable));

        String measured = name + " latency was " + ms(value) + " (interval " + (low == null ? "0" : ms(low)) + "–"
                + (high == null ? "∞" : ms(high)) + " over " + n + " requests)";
        if (atLeast && high != null && high < boundMicros) {
            return new Verdict(false, boundText, observed, evidence, measured + ", wholly below the bound " + boundText);
        }
        if (!atLeast && low != null && low >= boundMicros) {
            return new Verdict(false, boundText, observed, evidence, measured + ", wholly at or above the bound " + boundText);
        }
        return new Verdict(true, boundText, observed, evidence, measured + ", consistent with the bound " + boundText);
    }

    /** Summary of the latencies (milliseconds) from an HdrHistogram at three significant digits. */
    private static Map<String, Object> distribution(long[] micros) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", micros.length);
        if (micros.length == 0) {
            return summary;
        }
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        for (long m : micros) {
            histogram.recordValue(Math.max(0, m));
        }
        for (double p : new double[] {50, 90, 99, 99.9}) {
            summary.put("p" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString() + "Ms", millis(histogram.getValueAtPercentile(p)));
        }
        summary.put("maxMs", millis(histogram.getMaxValue()));
        summary.put("meanMs", Math.round(histogram.getMean()) / 1000.0);
        return summary;
    }

    private static long toMicros(Duration d) {
        return d.toNanos() / 1000;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** "2003.417ms" */
    private static String ms(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(3).setScale(3, RoundingMode.UNNECESSARY).stripTrailingZeros().toPlainString() + "ms";
    }
}
