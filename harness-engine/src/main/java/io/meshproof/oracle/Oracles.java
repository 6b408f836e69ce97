package io.meshproof.oracle;

import io.meshproof.scenario.Expectation;

import java.util.List;

/** The oracle of each expectation kind, and the sample planning the engine does with them. */
public final class Oracles {

    private static final SplitOracle SPLIT = new SplitOracle();
    private static final StatusOracle STATUS = new StatusOracle();
    private static final LatencyOracle LATENCY = new LatencyOracle();
    private static final RejectedOracle REJECTED = new RejectedOracle();
    private static final EjectedOracle EJECTED = new EjectedOracle();

    private Oracles() {
    }

    public static Verdict judge(Expectation expectation, Observations observations, ErrorRates rates) {
        if (expectation instanceof Expectation.Split split) {
            return SPLIT.judge(split, observations, rates);
        }
        if (expectation instanceof Expectation.Status status) {
            return STATUS.judge(status, observations, rates);
        }
        if (expectation instanceof Expectation.Latency latency) {
            return LATENCY.judge(latency, observations, rates);
        }
        if (expectation instanceof Expectation.Rejected rejected) {
            return REJECTED.judge(rejected, observations, rates);
        }
        return EJECTED.judge((Expectation.Ejected) expectation, observations, rates);
    }

    /** How many records of which kind the check needs for both its error rates. */
    public static SamplePlan plan(Expectation expectation, ErrorRates rates) {
        if (expectation instanceof Expectation.Split split) {
            return SPLIT.plan(split, rates);
        }
        if (expectation instanceof Expectation.Status status) {
            return STATUS.plan(status, rates);
        }
        if (expectation instanceof Expectation.Latency latency) {
            return LATENCY.plan(latency, rates);
        }
        if (expectation instanceof Expectation.Rejected rejected) {
            return REJECTED.plan(rejected, rates);
        }
        return EJECTED.plan((Expectation.Ejected) expectation, rates);
    }

    /**
     * The records that must count toward the check ({@link SamplePlan#counted()}): a scenario whose
     * {@code requests} is below this for any of its checks cannot hold its error rates.
     */
    public static int requiredRequests(Expectation expectation, ErrorRates rates) {
        return plan(expectation, rates).counted();
    }

    /**
     * Requests to drive for a scenario without {@code requests}: the largest need of its checks, each
     * scaled by the share of requests expected to count toward it. Every request counts for status,
     * rejected and ejected. Answers that name a version come from successful responses: their share is
     * taken as the lowest 2xx bound the scenario itself states ({@code status: {code: 200, fraction:
     * ">= 99%"}}) less the resolution, since a passing status check can sit that far below its bound.
     * Where the scenario states nothing (versions without a 2xx bound, latencies) the share is taken as
     * {@code 1 - resolution}. A shortfall still shows at judge time as a failed check naming the number needed.
     */
    public static int requestsToDrive(List<Expectation> expectations, ErrorRates rates) {
        int most = 0;
        for (Expectation e : expectations) {
            SamplePlan plan = plan(e, rates);
            int requests = switch (plan.counting()) {
                case REQUESTS -> plan.counted();
                case VERSIONED -> plan.requests(versionedShare(expectations, rates));
                case TIMED -> plan.requests(1 - rates.resolution());
            };
            most = Math.max(most, requests);
        }
        return most;
    }

    private static double versionedShare(List<Expectation> expectations, ErrorRates rates) {
        double lowest = 1;
        for (Expectation e : expectations) {
            if (e instanceof Expectation.Status status && successful(status)) {
                lowest = Math.min(lowest, status.fraction().low());
            }
        }
        return Math.max(rates.resolution(), lowest - rates.resolution());
    }

    private static boolean successful(Expectation.Status status) {
        return status.code() != null ? status.code() >= 200 && status.code() < 300
                : status.statusClass() != null && status.statusClass().startsWith("2");
    }
}
