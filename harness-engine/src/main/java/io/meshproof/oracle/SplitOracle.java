package io.meshproof.oracle;

import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges a traffic split: every version's share within its acceptance (from {@link SplitDesign}) and
 * no answer from a version outside the split. Only answers that name a version count; the others
 * (errors) are reported as {@code unversioned}.
 */
public final class SplitOracle implements Oracle<Expectation.Split> {

    /** The search for n takes milliseconds; planning and judging the same split ask for it again. */
    private final Map<Plan, Integer> required = new ConcurrentHashMap<>();

    private record Plan(Map<String, Integer> weights, double tolerance, ErrorRates rates) {}

    @Override
    public int requiredRequests(Expectation.Split split, ErrorRates rates) {
        return plan(split, rates).counted();
    }

    public SamplePlan plan(Expectation.Split split, ErrorRates rates) {
        return new SamplePlan(requiredAnswers(split, rates), SamplePlan.Counting.VERSIONED);
    }

    private int requiredAnswers(Expectation.Split split, ErrorRates rates) {
        return required.computeIfAbsent(new Plan(Map.copyOf(split.weights()), split.toleranceOrDefault(), rates),
                plan -> design(split, rates).requiredAnswers());
    }

    private static SplitDesign design(Expectation.Split split, ErrorRates rates) {
        return new SplitDesign(split.weights(), split.toleranceOrDefault(), rates);
    }

    @Override
    public Verdict judge(Expectation.Split split, Observations observations, ErrorRates rates) {
        SplitDesign design = design(split, rates);
        List<RequestRecord> versioned = new ArrayList<>();
        for (RequestRecord r : observations.records()) {
            if (r.version() != null) {
                versioned.add(r);
            }
        }
        int unversioned = observations.records().size() - versioned.size();
        int required = requiredAnswers(split, rates);
        Map<String, Object> expected = new TreeMap<>(split.weights());

        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("nRequired", required);
        evidence.put("alpha", design.alpha());
        evidence.put("alphaPerVersion", design.alphaPerVersion());
        evidence.put("beta", design.beta());
        evidence.put("tolerance", split.toleranceOrDefault());
        evidence.put("unversioned", unversioned);

        if (versioned.size() < required) {
            Map<String, Integer> counts = counts(versioned, design);
            evidence.put("counts", counts);
            evidence.put("n", versioned.size());
            return new Verdict(false, expected, shares(counts, versioned.size()), evidence,
                    "only " + versioned.size() + " of " + observations.records().size() + " requests were answered by a known version"
                            + " (" + unversioned + " without one), but this split needs at least " + required
                            + " to hold its error rates (alpha " + design.alpha() + ", beta " + design.beta() + ")");
        }

        SplitDesign.Assessment assessment = design.judgeable(versioned.size(), required);
        int n = assessment.n();
        Map<String, Integer> counts = counts(versioned.subList(0, n), design);
        Map<String, VersionAcceptance> acceptances = assessment.acceptances();
        Map<String, Double> shares = shares(counts, n);

        Map<String, Object> intervals = new TreeMap<>();
        Map<String, Interval> intervalOf = new TreeMap<>();
        counts.forEach((version, count) -> {
            Interval interval = ClopperPearson.interval(count, n, design.alphaPerVersion());
            intervalOf.put(version, interval);
            intervals.put(version, interval.percent());
        });
        Map<String, Object> acceptance = new TreeMap<>();
        acceptances.forEach((version, a) -> acceptance.put(version, a.percent()));
        Map<String, Integer> outside = new TreeMap<>();
        counts.forEach((version, count) -> {
            if (!design.weights().containsKey(version) && count > 0) {
                outside.put(version, count);
            }
        });

        evidence.put("n", n);
        if (n < versioned.size()) {
            evidence.put("answersIgnored", versioned.size() - n);
        }
        evidence.put("counts", counts);
        evidence.put("shares", shares);
        evidence.put("intervals", intervals);
        evidence.put("acceptance", acceptance);
        evidence.put("outside", outside);
        evidence.put("falseFailureAtN", assessment.falseFailure());
        evidence.put("missedViolationAtN", assessment.missedViolation());

        String failure = failure(split, counts, acceptances, intervalOf, outside, n);
        String message = failure != null ? failure
                : "every version's share is within its acceptance over " + n + " answers: " + summary(shares, acceptances);
        return new Verdict(failure == null, expected, shares, evidence, message);
    }

    private static Map<String, Integer> counts(List<RequestRecord> versioned, SplitDesign design) {
        Map<String, Integer> counts = new TreeMap<>();
        design.weights().keySet().forEach(v -> counts.put(v, 0));
        for (RequestRecord r : versioned) {
            counts.merge(r.version(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Double> shares(Map<String, Integer> counts, int n) {
        Map<String, Double> shares = new TreeMap<>();
        counts.forEach((version, count) -> shares.put(version, n == 0 ? 0.0 : Percent.points((double) count / n)));
        return shares;
    }

    private static String failure(Expectation.Split split, Map<String, Integer> counts, Map<String, VersionAcceptance> acceptances,
                                  Map<String, Interval> intervals, Map<String, Integer> outside, int n) {
        if (!outside.isEmpty()) {
            int answered = outside.values().stream().mapToInt(Integer::intValue).sum();
            String who = outside.size() == 1 ? outside.keySet().iterator().next() : "versions " + outside;
            return who + " answered " + answered + " of " + n + " requests, but the split " + new TreeMap<>(split.weights())
                    + " does not include " + (outside.size() == 1 ? "it" : "them");
        }
        for (Map.Entry<String, VersionAcceptance> e : acceptances.entrySet()) {
            String version = e.getKey();
            VersionAcceptance a = e.getValue();
            int count = counts.get(version);
            if (!a.accepts(count)) {
                int weight = split.weights().get(version);
                if (weight == 100 || weight == 0) {
                    return version + " answered " + count + " of " + n + " requests, but at weight " + weight
                            + "% it must answer " + (weight == 100 ? "every one" : "none");
                }
                return version + " answered " + Percent.of((double) count / n) + " (interval " + intervals.get(version).text()
                        + "), outside its acceptance " + a.text() + " for " + weight + "% ± " + Percent.number(split.toleranceOrDefault() / 100);
            }
        }
        return null;
    }

    private static String summary(Map<String, Double> shares, Map<String, VersionAcceptance> acceptances) {
        List<String> parts = new ArrayList<>();
        acceptances.forEach((version, a) -> parts.add(version + " " + Percent.plain(shares.get(version)) + "% (accepted " + a.text() + ")"));
        return String.join(", ", parts);
    }
}
