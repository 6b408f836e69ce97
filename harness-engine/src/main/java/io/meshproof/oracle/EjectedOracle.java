package io.meshproof.oracle;

import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Judges outlier ejection on the time series of requests (in send order): errors from the instances
 * of the expectation's service with its behavior (the bad instances) stop within {@code within} requests of the first one, and stay
 * stopped for the rest of the load while the healthy instances keep answering.
 *
 * <p>An error is a 5xx or a connection failure. It is attributed to the bad instances when the record
 * names one of them, or when it names no instance at all (a proxy's own 503 cannot say which upstream
 * failed, so it counts against the mesh). After the window the load must go on for {@code m} more
 * requests, m the smallest with (1 - resolution)^m <= beta: a bad instance still in rotation that
 * causes errors on a share {@code resolution} or more of the requests then shows at least one with
 * probability at least 1 - beta. Of the requests after the window at least m, and at least
 * {@code 1 - resolution} of them, must succeed (2xx): the healthy instances kept answering, and an
 * ejection that took every instance out does not pass. The plan adds m requests before the first error for the
 * same reason: a bad instance that gets traffic shows its first error within them.
 */
public final class EjectedOracle implements Oracle<Expectation.Ejected> {

    @Override
    public int requiredRequests(Expectation.Ejected ejected, ErrorRates rates) {
        return plan(ejected, rates).counted();
    }

    public SamplePlan plan(Expectation.Ejected ejected, ErrorRates rates) {
        int m = quietRequests(rates);
        return new SamplePlan(m + ejected.within() + m, SamplePlan.Counting.REQUESTS);
    }

    /** Requests after the window that must show no error from the bad instances. */
    static int quietRequests(ErrorRates rates) {
        return BinomialTails.trialsToSeeOnce(rates.resolution(), rates.missedViolation());
    }

    @Override
    public Verdict judge(Expectation.Ejected ejected, Observations observations, ErrorRates rates) {
        String behavior = ejected.behavior().name();
        Set<String> bad = new TreeSet<>();
        // instances are named after their service (pod names: ratings-v1-...); a bad instance of another service is not this check's
        observations.instances().forEach((instance, b) -> {
            if (behavior.equals(b) && instance.startsWith(ejected.service() + "-")) {
                bad.add(instance);
            }
        });
        // Observations come in send order; a stable sort on the send time guards the time series against a load that reports otherwise.
        List<RequestRecord> records = new ArrayList<>(observations.records());
        records.sort(Comparator.comparingLong(RequestRecord::sentAtMicros));
        int n = records.size();
        int within = ejected.within();
        int m = quietRequests(rates);
        int required = plan(ejected, rates).counted();
        String expected = "errors from the " + behavior + " " + ejected.service() + " instances stop within " + within + " requests";

        int first = -1;
        int last = -1;
        int errors = 0;
        for (int i = 0; i < n; i++) {
            if (attributable(records.get(i), bad)) {
                first = first < 0 ? i : first;
                last = i;
                errors++;
            }
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("badInstances", List.copyOf(bad));
        evidence.put("within", within);
        evidence.put("n", n);
        evidence.put("nRequired", required);
        evidence.put("beta", rates.missedViolation());
        evidence.put("resolution", Percent.points(rates.resolution()));
        evidence.put("errors", errors);
        evidence.put("firstErrorIndex", first < 0 ? null : first);
        evidence.put("lastErrorIndex", last < 0 ? null : last);
        evidence.put("firstErrorAtMs", first < 0 ? null : sinceStartMs(records.get(first), observations));
        evidence.put("lastErrorAtMs", last < 0 ? null : sinceStartMs(records.get(last), observations));
        evidence.put("ejectionMs", first < 0 ? null : (records.get(last).sentAtMicros() - records.get(first).sentAtMicros()) / 1000.0);
        evidence.put("series", series(records, bad, observations.loadStartMicros()));
        evidence.put("markers", markers(observations));

        if (bad.isEmpty()) {
            return new Verdict(false, expected, null, evidence,
                    "no " + ejected.service() + " instance with behavior " + behavior + " ran during the load, so there was nothing to eject;"
                            + " add one under setup.instances");
        }
        if (n < required) {
            return new Verdict(false, expected, null, evidence, "only " + n + " requests were made, but judging ejection within " + within
                    + " needs at least " + required + " (" + m + " to see the first error, " + within + " for the window, " + m + " after it)");
        }
        if (first < 0) {
            return new Verdict(false, expected, null, evidence, "no error from the " + behavior + " instances " + bad + " was seen in " + n
                    + " requests, so their ejection cannot be judged (did they get any traffic?)");
        }
        int windowEnd = first + within;
        int after = Math.max(0, n - windowEnd - 1);
        int successesAfter = 0;
        int errorsAfter = 0;
        for (int i = windowEnd + 1; i < n; i++) {
            successesAfter += success(records.get(i)) ? 1 : 0;
            errorsAfter += attributable(records.get(i), bad) ? 1 : 0;
        }
        evidence.put("requestsAfterWindow", after);
        evidence.put("errorsAfterWindow", errorsAfter);
        evidence.put("successesAfterWindow", successesAfter);
        evidence.put("minSuccessesAfterWindow", m);
        evidence.put("minSuccessShareAfterWindow", Percent.points(1 - rates.resolution()));
        String observed = "errors stopped " + (last - first) + " requests after the first";

        if (last > windowEnd) {
            return new Verdict(false, expected, "errors went on " + (last - first) + " requests after the first", evidence,
                    errorsAfter + " errors from the " + behavior + " instances came after the window of " + within + " requests that began at request "
                            + first + ", the last at request " + last + " (" + sinceStartMs(records.get(last), observations) + " ms into the load)");
        }
        if (after < m) {
            return new Verdict(false, expected, observed, evidence, "the load ended " + after + " requests after the window, but " + m
                    + " are needed to show the errors stay stopped; drive at least " + (windowEnd + 1 + m) + " requests");
        }
        double minShare = 1 - rates.resolution();
        if (successesAfter < m || successesAfter < minShare * after) {
            return new Verdict(false, expected, observed, evidence, "only " + successesAfter + " of the " + after
                    + " requests after the window succeeded, fewer than the " + Math.max(m, (int) Math.ceil(minShare * after))
                    + " (at least " + m + " and " + Percent.of(minShare) + ") that show the healthy instances kept answering");
        }
        return new Verdict(true, expected, observed, evidence, "errors from the " + behavior + " instances stopped " + (last - first)
                + " requests after the first (within " + within + ") and did not return in the " + after + " requests that followed, "
                + successesAfter + " of which succeeded");
    }

    private static boolean error(RequestRecord r) {
        return r.connectionFailed() || r.status() >= 500;
    }

    private static boolean attributable(RequestRecord r, Set<String> bad) {
        return error(r) && (r.instance() == null || bad.contains(r.instance()));
    }

    private static boolean success(RequestRecord r) {
        return !r.connectionFailed() && r.status() >= 200 && r.status() < 300;
    }

    private static double sinceStartMs(RequestRecord r, Observations observations) {
        return (r.sentAtMicros() - observations.loadStartMicros()) / 1000.0;
    }

    /** Per second of the load: requests sent, errors from the bad instances, successes. */
    private static List<Map<String, Object>> series(List<RequestRecord> records, Set<String> bad, long loadStartMicros) {
        Map<Long, int[]> bySecond = new TreeMap<>();
        for (RequestRecord r : records) {
            int[] c = bySecond.computeIfAbsent(Math.floorDiv(r.sentAtMicros() - loadStartMicros, 1_000_000L), s -> new int[3]);
            c[0]++;
            c[1] += attributable(r, bad) ? 1 : 0;
            c[2] += success(r) ? 1 : 0;
        }
        List<Map<String, Object>> series = new ArrayList<>();
        bySecond.forEach((second, c) -> {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("second", second);
            point.put("requests", c[0]);
            point.put("errors", c[1]);
            point.put("successes", c[2]);
            series.add(point);
        });
        return series;
    }

    private static List<Map<String, Object>> markers(Observations observations) {
        List<Map<String, Object>> markers = new ArrayList<>();
        for (Observations.Marker marker : observations.markers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("atMs", (marker.atMicros() - observations.loadStartMicros()) / 1000.0);
            m.put("kind", marker.kind());
            m.put("detail", marker.detail());
            markers.add(m);
        }
        return markers;
    }
}
