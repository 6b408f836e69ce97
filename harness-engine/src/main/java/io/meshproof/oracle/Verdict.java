package io.meshproof.oracle;

import java.util.Map;

/**
 * An oracle's judgement on one check: passed or failed, what was expected and observed, and the
 * evidence (counts, intervals, p-values, error rates, sample size) a reader needs to check it.
 */
public record Verdict(boolean passed, Object expected, Object observed, Map<String, Object> evidence, String message) {

    public Verdict {
        evidence = evidence == null ? Map.of() : evidence;
    }
}
