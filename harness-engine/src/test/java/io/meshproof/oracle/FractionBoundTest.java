package io.meshproof.oracle;

import io.meshproof.scenario.Fraction;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FractionBoundTest {

    private static final ErrorRates SUITE = ErrorRates.bonferroni(30);

    private static FractionBound bound(String text) {
        return new FractionBound(Fraction.parse(text), SUITE);
    }

    @Test
    void requiredCountMakesTheIntervalNarrowEnoughAnywhereInsideTheBound() {
        for (String text : List.of(">= 99%", "<= 5%", "40%..60%", ">= 30%")) {
            FractionBound b = bound(text);
            int n = b.requiredCount();
            Fraction f = Fraction.parse(text);
            double worst = Math.max(f.low(), Math.min(f.high(), 0.5));
            assertThat(ClopperPearson.interval((int) Math.round(n * worst), n, SUITE.falseFailure()).halfWidth())
                    .as(text).isLessThanOrEqualTo(SUITE.resolution() + 1e-3);
            assertThat(ClopperPearson.interval((int) Math.round((n / 2) * worst), n / 2, SUITE.falseFailure()).halfWidth())
                    .as(text).isGreaterThan(SUITE.resolution());
        }
        assertThat(bound(">= 99%").requiredCount()).isEqualTo(153);
        assertThat(bound("40%..60%").requiredCount()).isEqualTo(1733);
        assertThat(bound("100%").requiredCount()).isEqualTo(135);
        assertThat(bound("0%").requiredCount()).isEqualTo(135);
    }

    @Test
    void insideTheBoundPasses() {
        assertThat(bound(">= 99%").judge("requests with status 200", 995, 1000, Map.of()).passed()).isTrue();
        assertThat(bound("40%..60%").judge("x", 1000, 2000, Map.of()).passed()).isTrue();
        assertThat(bound("<= 5%").judge("x", 20, 1000, Map.of()).passed()).isTrue();
    }

    @Test
    void justOutsideWithAnOverlappingIntervalPassesBecauseItIsNoEvidence() {
        Verdict v = bound(">= 99%").judge("requests with status 200", 985, 1000, Map.of());
        assertThat(v.passed()).as(v.message()).isTrue();
        assertThat(v.message()).contains("consistent with the bound >= 99%");
    }

    @Test
    void intervalWhollyOutsideFails() {
        Verdict below = bound(">= 99%").judge("requests with status 200", 950, 1000, Map.of());
        assertThat(below.passed()).isFalse();
        assertThat(below.message()).matches("requests with status 200: 95% of 1000 \\(interval [0-9.]+–[0-9.]+%\\), wholly below the bound >= 99%");
        Verdict above = bound("<= 5%").judge("x", 200, 1000, Map.of());
        assertThat(above.passed()).isFalse();
        assertThat(above.message()).contains("wholly above the bound <= 5%");
        assertThat(bound("40%..60%").judge("x", 600, 2000, Map.of()).passed()).isFalse();
        assertThat(bound("40%..60%").judge("x", 1400, 2000, Map.of()).passed()).isFalse();
    }

    @Test
    void exactBoundsAllowNoException() {
        assertThat(bound("100%").judge("x", 135, 135, Map.of()).passed()).isTrue();
        Verdict one = bound("100%").judge("requests refused", 1999, 2000, Map.of());
        assertThat(one.passed()).isFalse();
        assertThat(one.message()).endsWith("but 100% allows no exception and 1 was seen");
        assertThat(bound("0%").judge("x", 0, 500, Map.of()).passed()).isTrue();
        assertThat(bound("0%").judge("x", 1, 500, Map.of()).passed()).isFalse();
    }

    @Test
    void tooFewRequestsFailNamingTheNumberNeeded() {
        Verdict none = bound(">= 99%").judge("requests with status 200", 0, 0, Map.of());
        assertThat(none.passed()).isFalse();
        assertThat(none.message()).isEqualTo("only 0 requests counted toward requests with status 200, but the bound >= 99% needs at least 153"
                + " for a resolution of 5 points");
        Verdict exact = bound("100%").judge("x", 100, 100, Map.of());
        assertThat(exact.passed()).isFalse();
        assertThat(exact.message()).contains("needs at least 135 to catch an exception rate of 5%");
        assertThat(exact.evidence().get("nRequired")).isEqualTo(135);
    }

    @Test
    void evidenceStatesTheArithmetic() {
        Verdict v = bound(">= 99%").judge("x", 995, 1000, Map.of("statuses", Map.of("200", 995)));
        assertThat(v.evidence()).containsKeys("statuses", "count", "n", "observed", "interval", "alpha", "beta", "bound", "resolution",
                "nRequired", "detectable", "halfWidth");
        assertThat(v.evidence().get("observed")).isEqualTo(99.5);
        assertThat(v.evidence().get("resolution")).isEqualTo(5.0);
        assertThat(v.observed()).isEqualTo(99.5);
        assertThat(v.expected()).isEqualTo(">= 99%");
    }

    @Test
    void detectableDistanceIsWhereAViolatingMeshPassesAtMostBeta() {
        for (String text : List.of(">= 99%", "<= 5%", "40%..60%")) {
            FractionBound b = bound(text);
            Fraction f = Fraction.parse(text);
            int n = 2000;
            double d = b.detectable(n);
            if (f.low() > 0) {
                assertThat(passProbability(b, n, f.low() - d)).as(text).isLessThanOrEqualTo(SUITE.missedViolation());
                assertThat(passProbability(b, n, f.low() - d + 0.01)).as(text).isGreaterThan(SUITE.missedViolation());
            }
            if (f.high() < 1) {
                assertThat(passProbability(b, n, f.high() + d)).as(text).isLessThanOrEqualTo(SUITE.missedViolation() + 1e-12);
            }
        }
        assertThat(bound("100%").detectable(135)).isLessThanOrEqualTo(0.05);
    }

    /** Exact chance that the bound passes at n when the true fraction is p. */
    private static double passProbability(FractionBound b, int n, double p) {
        BinomialDistribution d = BinomialDistribution.of(n, p);
        double pass = 0;
        for (int x = 0; x <= n; x++) {
            double px = d.probability(x);
            if (px > 1e-15 && b.accepts(x, n)) {
                pass += px;
            }
        }
        return pass;
    }
}
