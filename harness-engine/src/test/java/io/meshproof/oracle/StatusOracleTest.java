package io.meshproof.oracle;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;
import io.meshproof.scenario.Fraction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatusOracleTest {

    private static final ErrorRates SUITE = ErrorRates.bonferroni(30);
    private final StatusOracle oracle = new StatusOracle();

    private static List<RequestRecord> mix(int ok, int unavailable, int resets) {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < ok; i++) {
            records.add(Records.status(records.size(), 200));
        }
        for (int i = 0; i < unavailable; i++) {
            records.add(Records.status(records.size(), 503));
        }
        for (int i = 0; i < resets; i++) {
            records.add(Records.failed(records.size(), ConnectionError.RESET));
        }
        return records;
    }

    @Test
    void healthyTrafficPasses() {
        Verdict v = oracle.judge(new Expectation.Status(200, null, Fraction.parse(">= 99%")), Records.observe(mix(998, 2, 0)), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.evidence().get("statuses")).isEqualTo(Map.of("200", 998, "503", 2));
        assertThat(v.message()).startsWith("requests with status 200: 99.8% of 1000 (interval ");
    }

    @Test
    void connectionErrorsDoNotMatchAndAreReportedApart() {
        Verdict v = oracle.judge(new Expectation.Status(200, null, Fraction.parse(">= 99%")), Records.observe(mix(900, 0, 100)), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.evidence().get("count")).isEqualTo(900);
        assertThat(v.evidence().get("n")).isEqualTo(1000);
        assertThat(v.evidence().get("connectionErrors")).isEqualTo(Map.of("reset", 100));
        assertThat(v.evidence().get("statuses")).isEqualTo(Map.of("200", 900));
    }

    @Test
    void statusClass() {
        Expectation.Status noServerErrors = new Expectation.Status(null, "5xx", Fraction.parse("0%"));
        assertThat(oracle.judge(noServerErrors, Records.observe(mix(200, 0, 0)), SUITE).passed()).isTrue();
        Verdict one = oracle.judge(noServerErrors, Records.observe(mix(199, 1, 0)), SUITE);
        assertThat(one.passed()).isFalse();
        assertThat(one.message()).startsWith("requests with status 5xx: 0.5% of 200");

        Expectation.Status halfAborted = new Expectation.Status(null, "5xx", Fraction.parse("40%..60%"));
        assertThat(oracle.judge(halfAborted, Records.observe(mix(1000, 1000, 0)), SUITE).passed()).isTrue();
        assertThat(oracle.judge(halfAborted, Records.observe(mix(1800, 200, 0)), SUITE).passed()).isFalse();
    }

    @Test
    void noRecordsFail() {
        Verdict v = oracle.judge(new Expectation.Status(200, null, Fraction.parse(">= 99%")), Records.observe(List.of()), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("needs at least 153");
        assertThat(oracle.plan(new Expectation.Status(200, null, Fraction.parse(">= 99%")), SUITE))
                .isEqualTo(new SamplePlan(153, SamplePlan.Counting.REQUESTS));
    }
}
