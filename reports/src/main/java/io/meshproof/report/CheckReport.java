package io.meshproof.report;

import java.util.Map;

/**
 * One check's verdict with its evidence, so a reader can check the arithmetic.
 *
 * @param kind     split, status, latency, rejected, ejected
 * @param expected what the scenario asked for (weights, a bound)
 * @param observed what was measured
 * @param evidence counts, intervals, p-values, error rates, sample size, timings
 * @param message  one sentence: why it passed or failed
 */
public record CheckReport(
        String kind,
        String name,
        Result result,
        int line,
        Object expected,
        Object observed,
        Map<String, Object> evidence,
        String message) {

    public CheckReport {
        evidence = evidence == null ? Map.of() : evidence;
    }
}
