package io.meshproof.report;

/**
 * The evidence keys the report's readers (HTML charts, diff) understand, one place for the oracles
 * that write them and the pages that draw them. Percentages are in percent (0..100), times in ms.
 *
 * <ul>
 *   <li>split checks: {@code expected} {version: weight%}, {@code observed} {version: share%};
 *       evidence {@link #COUNTS} {version: n}, {@link #INTERVALS} {version: [low%, high%]},
 *       {@link #ACCEPTANCE} {version: [low%, high%]}, {@link #ALPHA}, {@link #N}</li>
 *   <li>fraction checks (status, rejected, latency slowerThan): {@link #COUNT}, {@link #N},
 *       {@link #INTERVAL} [low%, high%], {@link #ALPHA}, {@link #BOUND} (the scenario's text,
 *       {@code ">= 99%"}, or [low%, high%])</li>
 *   <li>latency checks: {@link #PERCENTILES} {"p50": ms, ...} (keys from
 *       {@link LatencyHistogram#percentileKey}), {@link #INTERVAL} [low ms, high ms] of the judged
 *       percentile, {@link #THRESHOLD_MS} the bound the check compares with</li>
 * </ul>
 */
public final class EvidenceKeys {

    public static final String COUNTS = "counts";
    public static final String INTERVALS = "intervals";
    public static final String ACCEPTANCE = "acceptance";
    public static final String ALPHA = "alpha";
    public static final String N = "n";
    public static final String COUNT = "count";
    public static final String INTERVAL = "interval";
    public static final String BOUND = "bound";
    public static final String PERCENTILES = "percentiles";
    public static final String THRESHOLD_MS = "thresholdMs";

    private EvidenceKeys() {}
}
