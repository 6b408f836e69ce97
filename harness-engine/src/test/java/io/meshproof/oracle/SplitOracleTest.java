package io.meshproof.oracle;

import io.meshproof.load.RequestRecord;
import io.meshproof.scenario.Expectation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SplitOracleTest {

    /** The suite's rates with 30 checks: alpha = 1e-3 / 30 per check, beta = 1e-3. */
    static final ErrorRates SUITE = ErrorRates.bonferroni(30);

    private final SplitOracle oracle = new SplitOracle();

    private static Expectation.Split split(Map<String, Integer> weights) {
        return new Expectation.Split("reviews", weights, 5.0);
    }

    @Test
    void plannedAnswersAreTheSmallestThatHoldBothRates() {
        for (Map<String, Integer> weights : List.of(Map.of("v1", 90, "v2", 10), Map.of("v1", 50, "v3", 50),
                Map.of("v1", 60, "v2", 30, "v3", 10), Map.of("v1", 100))) {
            SplitDesign design = new SplitDesign(weights, 5, SUITE);
            int n = oracle.requiredRequests(split(weights), SUITE);
            assertThat(design.holds(n)).as("%s at %d", weights, n).isTrue();
            assertThat(design.at(n).falseFailure()).isLessThanOrEqualTo(SUITE.falseFailure());
            assertThat(design.at(n).missedViolation()).isLessThanOrEqualTo(SUITE.missedViolation());
            for (int m = n / 2; m < n; m++) {
                assertThat(design.holds(m)).as("%s at %d", weights, m).isFalse();
            }
        }
        // The numbers the lead plans traffic with (see the report); a change here changes every scenario's length.
        assertThat(oracle.requiredRequests(split(Map.of("v1", 90, "v2", 10)), SUITE)).isEqualTo(2159);
        assertThat(oracle.requiredRequests(split(Map.of("v1", 50, "v3", 50)), SUITE)).isEqualTo(5227);
        assertThat(oracle.requiredRequests(split(Map.of("v1", 60, "v2", 30, "v3", 10)), SUITE)).isEqualTo(5385);
        assertThat(oracle.requiredRequests(split(Map.of("v1", 100)), SUITE)).isEqualTo(135);
        assertThat(oracle.plan(split(Map.of("v1", 100)), SUITE).counting()).isEqualTo(SamplePlan.Counting.VERSIONED);
    }

    @Test
    void exactWeightsPassWithTheirEvidence() {
        int n = 2159;
        Verdict v = oracle.judge(split(Map.of("v1", 90, "v2", 10)), Records.observe(Records.answers(Map.of("v1", 1943, "v2", 216), 1)), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.observed()).isEqualTo(Map.of("v1", 90.0, "v2", 10.0));
        assertThat(v.evidence()).containsKeys("counts", "shares", "intervals", "acceptance", "n", "nRequired", "alpha", "beta",
                "tolerance", "unversioned", "outside");
        assertThat(v.evidence().get("counts")).isEqualTo(Map.of("v1", 1943, "v2", 216));
        assertThat(v.evidence().get("n")).isEqualTo(n);
        assertThat(v.evidence().get("alpha")).isEqualTo(SUITE.falseFailure());
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> intervals = (Map<String, List<Double>>) v.evidence().get("intervals");
        assertThat(intervals.get("v2").get(0)).isLessThan(10.0);
        assertThat(intervals.get("v2").get(1)).isGreaterThan(10.0);
        assertThat(v.message()).startsWith("every version's share is within its acceptance over 2159 answers");
    }

    @Test
    void skewedSplitFails() {
        Verdict v = oracle.judge(split(Map.of("v1", 90, "v2", 10)), Records.observe(Records.answers(Map.of("v1", 1835, "v2", 324), 2)), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).matches("v1 answered 84\\.99% \\(interval [0-9.]+–[0-9.]+%\\), outside its acceptance [0-9.]+–[0-9.]+% for 90% ± 5");
    }

    @Test
    void acceptanceEdgesAreExact() {
        Expectation.Split s = split(Map.of("v1", 90, "v2", 10));
        VersionAcceptance v2 = new SplitDesign(Map.of("v1", 90, "v2", 10), 5, SUITE).acceptance("v2", 2159);
        assertThat(judgeV2(s, v2.low()).passed()).isTrue();
        assertThat(judgeV2(s, v2.high()).passed()).isTrue();
        assertThat(judgeV2(s, v2.low() - 1).passed()).isFalse();
        assertThat(judgeV2(s, v2.high() + 1).passed()).isFalse();
    }

    private Verdict judgeV2(Expectation.Split s, int v2) {
        return oracle.judge(s, Records.observe(Records.answers(Map.of("v1", 2159 - v2, "v2", v2), v2)), SUITE);
    }

    @Test
    void aVersionOutsideTheSplitFails() {
        Verdict v = oracle.judge(split(Map.of("v1", 90, "v2", 10)),
                Records.observe(Records.answers(Map.of("v1", 1942, "v2", 216, "v3", 1), 3)), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.evidence().get("outside")).isEqualTo(Map.of("v3", 1));
        assertThat(v.message()).isEqualTo("v3 answered 1 of 2159 requests, but the split {v1=90, v2=10} does not include it");
    }

    @Test
    void weightHundredHoldsOnlyWhenEveryAnswerCameFromIt() {
        Expectation.Split all = split(Map.of("v1", 100));
        assertThat(oracle.judge(all, Records.observe(Records.answers(Map.of("v1", 135), 4)), SUITE).passed()).isTrue();

        Verdict one = oracle.judge(all, Records.observe(Records.answers(Map.of("v1", 134, "v2", 1), 4)), SUITE);
        assertThat(one.passed()).isFalse();
        assertThat(one.message()).contains("v2 answered 1 of 135 requests");

        Expectation.Split withZero = split(Map.of("v1", 100, "v2", 0));
        Verdict zero = oracle.judge(withZero, Records.observe(Records.answers(Map.of("v1", 134, "v2", 1), 4)), SUITE);
        assertThat(zero.passed()).isFalse();
        assertThat(zero.message()).isEqualTo("v1 answered 134 of 135 requests, but at weight 100% it must answer every one");

        Verdict short_ = oracle.judge(all, Records.observe(Records.answers(Map.of("v1", 134), 4)), SUITE);
        assertThat(short_.passed()).isFalse();
        assertThat(short_.message()).contains("needs at least 135");
    }

    @Test
    void noRecordsFailNamingTheNumberNeeded() {
        Verdict v = oracle.judge(split(Map.of("v1", 90, "v2", 10)), Records.observe(List.of()), SUITE);
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("only 0 of 0 requests").contains("needs at least 2159");
        assertThat(v.evidence().get("nRequired")).isEqualTo(2159);
    }

    @Test
    void errorsHaveNoVersionAndDoNotCount() {
        List<RequestRecord> errors = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            errors.add(Records.status(i, 503));
        }
        Verdict allErrors = oracle.judge(split(Map.of("v1", 100)), Records.observe(errors), SUITE);
        assertThat(allErrors.passed()).isFalse();
        assertThat(allErrors.evidence().get("unversioned")).isEqualTo(3000);
        assertThat(allErrors.message()).contains("only 0 of 3000 requests were answered by a known version (3000 without one)");

        List<RequestRecord> mixed = new ArrayList<>(Records.answers(Map.of("v1", 1943, "v2", 216), 5));
        mixed.addAll(errors.subList(0, 20));
        Verdict v = oracle.judge(split(Map.of("v1", 90, "v2", 10)), Records.observe(mixed), SUITE);
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.evidence().get("unversioned")).isEqualTo(20);
        assertThat(v.evidence().get("n")).isEqualTo(2159);
    }

    @Test
    void aCountInAGapOfTheExactTailsIsJudgedOnTheLargestCountThatHolds() {
        SplitDesign design = new SplitDesign(Map.of("v1", 90, "v2", 10), 5, SUITE);
        int gap = 2160;
        while (design.holds(gap)) {
            gap++;
        }
        int v2 = gap / 10;
        Verdict v = oracle.judge(split(Map.of("v1", 90, "v2", 10)), Records.observe(Records.answers(Map.of("v1", gap - v2, "v2", v2), 6)), SUITE);
        int judged = (int) v.evidence().get("n");
        assertThat(judged).isLessThan(gap);
        assertThat(design.holds(judged)).isTrue();
        assertThat(v.evidence().get("answersIgnored")).isEqualTo(gap - judged);
        assertThat((double) v.evidence().get("falseFailureAtN")).isLessThanOrEqualTo(SUITE.falseFailure());
    }
}
