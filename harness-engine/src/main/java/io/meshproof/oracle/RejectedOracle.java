package io.meshproof.oracle;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Judges the fraction of requests refused. Meshes refuse in different forms (DESIGN.md section 3):
 * a 403, a reset connection (STRICT mTLS against plaintext) or a refused one; all three count, and the
 * evidence says which were seen ({@code forms}).
 */
public final class RejectedOracle implements Oracle<Expectation.Rejected> {

    static final int FORBIDDEN = 403;

    @Override
    public int requiredRequests(Expectation.Rejected rejected, ErrorRates rates) {
        return plan(rejected, rates).counted();
    }

    public SamplePlan plan(Expectation.Rejected rejected, ErrorRates rates) {
        return new SamplePlan(new FractionBound(rejected.fraction(), rates).requiredCount(), SamplePlan.Counting.REQUESTS);
    }

    @Override
    public Verdict judge(Expectation.Rejected rejected, Observations observations, ErrorRates rates) {
        Map<String, Integer> forms = new LinkedHashMap<>();
        forms.put(String.valueOf(FORBIDDEN), 0);
        forms.put(Outcomes.name(ConnectionError.RESET), 0);
        forms.put(Outcomes.name(ConnectionError.REFUSED), 0);
        int refused = 0;
        for (RequestRecord r : observations.records()) {
            String form = form(r);
            if (form != null) {
                forms.merge(form, 1, Integer::sum);
                refused++;
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("forms", forms);
        evidence.put("statuses", Outcomes.statuses(observations.records()));
        evidence.put("connectionErrors", Outcomes.connectionErrors(observations.records()));
        return new FractionBound(rejected.fraction(), rates)
                .judge("requests refused (403, reset or refused)", refused, observations.records().size(), evidence);
    }

    /** How a request was refused, or null when it was not. */
    private static String form(RequestRecord r) {
        if (r.error() == ConnectionError.RESET || r.error() == ConnectionError.REFUSED) {
            return Outcomes.name(r.error());
        }
        if (!r.connectionFailed() && r.status() == FORBIDDEN) {
            return String.valueOf(FORBIDDEN);
        }
        return null;
    }
}
