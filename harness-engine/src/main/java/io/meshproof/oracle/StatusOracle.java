package io.meshproof.oracle;

import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges the fraction of requests answered with a status code ({@code code: 200}) or class
 * ({@code class: 5xx}). Every request counts; a connection failure has no status, so it does not match,
 * and is reported separately.
 */
public final class StatusOracle implements Oracle<Expectation.Status> {

    @Override
    public int requiredRequests(Expectation.Status status, ErrorRates rates) {
        return plan(status, rates).counted();
    }

    public SamplePlan plan(Expectation.Status status, ErrorRates rates) {
        return new SamplePlan(new FractionBound(status.fraction(), rates).requiredCount(), SamplePlan.Counting.REQUESTS);
    }

    @Override
    public Verdict judge(Expectation.Status status, Observations observations, ErrorRates rates) {
        int matching = 0;
        for (RequestRecord r : observations.records()) {
            if (!r.connectionFailed() && status.matches(r.status())) {
                matching++;
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("statuses", Outcomes.statuses(observations.records()));
        evidence.put("connectionErrors", Outcomes.connectionErrors(observations.records()));
        return new FractionBound(status.fraction(), rates)
                .judge("requests with status " + status.describe(), matching, observations.records().size(), evidence);
    }
}
