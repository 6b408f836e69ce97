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

class RejectedOracleTest {

    private static final ErrorRates SUITE = ErrorRates.bonferroni(30);
    private final RejectedOracle oracle = new RejectedOracle();

    @Test
    void everyFormOfRefusalCountsAndIsNamed() {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(i % 3 == 0 ? Records.status(i, 403) : Records.failed(i, i % 3 == 1 ? ConnectionError.RESET : ConnectionError.REFUSED));
        }
        Verdict v = oracle.judge(new Expectation.Rejected(Fraction.parse("100%")), Records.observe(records), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.evidence().get("forms")).isEqualTo(Map.of("403", 100, "reset", 100, "refused", 100));
    }

    @Test
    void oneAcceptedRequestFailsAllRejected() {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 299; i++) {
            records.add(Records.failed(i, ConnectionError.RESET));
        }
        records.add(Records.status(299, 200));
        Verdict v = oracle.judge(new Expectation.Rejected(Fraction.parse("100%")), Records.observe(records), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).startsWith("requests refused (403, reset or refused): 99.67% of 300");
        assertThat(v.evidence().get("forms")).isEqualTo(Map.of("403", 0, "reset", 299, "refused", 0));
    }

    @Test
    void timeoutsAndServerErrorsAreNotRefusals() {
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(i % 2 == 0 ? Records.failed(i, ConnectionError.TIMEOUT) : Records.status(i, 503));
        }
        Verdict v = oracle.judge(new Expectation.Rejected(Fraction.parse("100%")), Records.observe(records), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.evidence().get("count")).isEqualTo(0);
        assertThat(v.evidence().get("connectionErrors")).isEqualTo(Map.of("timeout", 150));

        Verdict none = oracle.judge(new Expectation.Rejected(Fraction.parse("0%")), Records.observe(records), SUITE);
        assertThat(none.passed()).isTrue();
    }
}
