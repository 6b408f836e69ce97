package io.meshproof.oracle;

import io.meshproof.scenario.Expectation;

/**
 * Turns what was observed into a verdict on one expectation, with the evidence. An oracle never
 * retries and never sees samples taken before convergence (the engine discards them).
 */
public interface Oracle<E extends Expectation> {

    Verdict judge(E expectation, Observations observations, ErrorRates rates);

    /**
     * The number of requests this expectation needs so that both error rates hold; the engine
     * drives the largest need of a scenario's checks when the scenario gives no {@code requests}.
     */
    int requiredRequests(E expectation, ErrorRates rates);
}
