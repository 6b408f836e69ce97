package io.meshproof.oracle;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EjectedOracleTest {

    private static final ErrorRates SUITE = ErrorRates.bonferroni(30);
    private static final Expectation.Ejected WITHIN_20 = new Expectation.Ejected("ratings", Behavior.unavailable, 20);
    private static final Map<String, String> INSTANCES = Map.of("ratings-v1-0", "healthy", "ratings-v1-extra-0", "unavailable");

    private final EjectedOracle oracle = new EjectedOracle();

    /** Round robin over a healthy and a bad instance until {@code ejectedAt}, then only the healthy one. */
    private static List<RequestRecord> roundRobin(int n, int ejectedAt, boolean named) {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean bad = i < ejectedAt && i % 2 == 1;
            String instance = named ? (bad ? "ratings-v1-extra-0" : "ratings-v1-0") : null;
            records.add(Records.from(i, instance, bad ? 503 : 200));
        }
        return records;
    }

    @Test
    void plannedRequests() {
        assertThat(oracle.plan(WITHIN_20, SUITE)).isEqualTo(new SamplePlan(135 + 20 + 135, SamplePlan.Counting.REQUESTS));
    }

    @Test
    void errorsThatStopWithinTheBoundPass() {
        Verdict v = oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 12, false), INSTANCES), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.evidence().get("firstErrorIndex")).isEqualTo(1);
        assertThat(v.evidence().get("lastErrorIndex")).isEqualTo(11);
        assertThat(v.evidence().get("errors")).isEqualTo(6);
        assertThat(v.evidence().get("successesAfterWindow")).isEqualTo(400 - 22);
        assertThat(v.evidence().get("badInstances")).isEqualTo(List.of("ratings-v1-extra-0"));
        assertThat(v.evidence().get("ejectionMs")).isEqualTo(200.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) v.evidence().get("series");
        assertThat(series).hasSize(8);
        assertThat(series.get(0)).isEqualTo(Map.of("second", 0L, "requests", 50, "errors", 6, "successes", 44));
        assertThat(v.message()).isEqualTo("errors from the unavailable instances stopped 10 requests after the first (within 20)"
                + " and did not return in the 378 requests that followed, 378 of which succeeded");
    }

    @Test
    void errorsThatNeverStopFail() {
        Verdict v = oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 400, false), INSTANCES), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).startsWith("189 errors from the unavailable instances came after the window of 20 requests that began at request 1,"
                + " the last at request 399");
    }

    @Test
    void errorsThatStopTooLateFail() {
        assertThat(oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 30, false), INSTANCES), SUITE).passed()).isFalse();
    }

    @Test
    void errorsThatComeBackFail() {
        List<RequestRecord> records = roundRobin(400, 12, false);
        records.set(300, Records.from(300, null, 503));
        Verdict v = oracle.judge(WITHIN_20, Records.observe(records, INSTANCES), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.evidence().get("errorsAfterWindow")).isEqualTo(1);
    }

    @Test
    void namedInstancesAttributeErrors() {
        List<RequestRecord> records = roundRobin(400, 12, true);
        // A 503 from the healthy instance after the window is not the bad instance's error.
        records.set(300, Records.from(300, "ratings-v1-0", 503));
        Verdict v = oracle.judge(WITHIN_20, Records.observe(records, INSTANCES), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.evidence().get("successesAfterWindow")).isEqualTo(400 - 22 - 1);
    }

    @Test
    void healthyInstancesThatStopAnsweringFail() {
        List<RequestRecord> records = new ArrayList<>(roundRobin(200, 12, true));
        for (int i = 200; i < 400; i++) {
            records.add(new RequestRecord(Records.START + i * Records.GAP_MICROS, 1_000, 404, ConnectionError.NONE, null, "ratings-v1-0", "ingress"));
        }
        Verdict v = oracle.judge(WITHIN_20, Records.observe(records, INSTANCES), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).isEqualTo("only 178 of the 378 requests after the window succeeded, fewer than the 360 (at least 135 and 95%)"
                + " that show the healthy instances kept answering");
    }

    @Test
    void aLoadThatEndsSoonAfterTheWindowFails() {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            boolean bad = i >= 250 && i < 260 && i % 2 == 1;
            records.add(Records.from(i, null, bad ? 503 : 200));
        }
        Verdict v = oracle.judge(WITHIN_20, Records.observe(records, INSTANCES), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).isEqualTo("the load ended 28 requests after the window, but 135 are needed to show the errors stay stopped;"
                + " drive at least 407 requests");
    }

    @Test
    void nothingToJudgeFails() {
        Verdict noBad = oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 12, false), Map.of("ratings-v1-0", "healthy")), SUITE);
        assertThat(noBad.passed()).isFalse();
        assertThat(noBad.message()).contains("no ratings instance with behavior unavailable ran during the load");

        Verdict noErrors = oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 0, false), INSTANCES), SUITE);
        assertThat(noErrors.passed()).isFalse();
        assertThat(noErrors.message()).contains("no error from the unavailable instances [ratings-v1-extra-0] was seen in 400 requests");

        Verdict noRecords = oracle.judge(WITHIN_20, Records.observe(List.of(), INSTANCES), SUITE);
        assertThat(noRecords.passed()).isFalse();
        assertThat(noRecords.message()).contains("needs at least 290");
    }

    @Test
    void onlyInstancesOfTheJudgedServiceAreItsBadInstances() {
        Map<String, String> instances = Map.of("ratings-v1-0", "healthy", "ratings-v1-extra-0", "unavailable", "reviews-v2-extra-0", "unavailable");
        Verdict v = oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 12, true), instances), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.evidence().get("badInstances")).isEqualTo(List.of("ratings-v1-extra-0"));

        Verdict otherServiceOnly = oracle.judge(WITHIN_20, Records.observe(roundRobin(400, 12, false),
                Map.of("ratings-v1-0", "healthy", "reviews-v2-extra-0", "unavailable")), SUITE);
        assertThat(otherServiceOnly.passed()).isFalse();
        assertThat(otherServiceOnly.message()).contains("no ratings instance with behavior unavailable ran during the load");
    }

    @Test
    void allErrorsFail() {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(Records.failed(i, ConnectionError.REFUSED));
        }
        assertThat(oracle.judge(WITHIN_20, Records.observe(records, INSTANCES), SUITE).passed()).isFalse();
    }
}
