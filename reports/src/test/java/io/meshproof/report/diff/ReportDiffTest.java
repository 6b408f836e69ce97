package io.meshproof.report.diff;

import io.meshproof.report.CheckReport;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.ReportMapper;
import io.meshproof.report.Result;
import io.meshproof.report.SampleReports;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Support;
import io.meshproof.report.TargetInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportDiffTest {

    private final ConformanceReport base = SampleReports.passedLocal();

    @Test
    void identicalReportsDifferInNothing() {
        ReportDiff d = ReportDiff.of(base, base);

        assertThat(d.regressions()).isEmpty();
        assertThat(d.fixes()).isEmpty();
        assertThat(d.otherChanges()).isEmpty();
        assertThat(d.figures()).isEmpty();
        assertThat(d.exitStatus()).isZero();
        assertThat(d.verdict()).isEqualTo("no regression; 0 fixes, 0 other changes, 0 changed figures");
    }

    @Test
    void aScenarioThatPassedAndNowFailsIsARegression() {
        ConformanceReport head = SampleReports.with(base, "reviews-canary-90-10", s -> fail(s, 0, "v2 answered 16%"));

        ReportDiff d = ReportDiff.of(base, head);

        assertThat(d.regressions()).containsExactly(
                new ReportDiff.Change("reviews-canary-90-10", null, Result.passed, Result.failed, "v2 answered 16%"),
                new ReportDiff.Change("reviews-canary-90-10", "split · reviews", Result.passed, Result.failed, "v2 answered 16%"));
        assertThat(d.exitStatus()).isEqualTo(1);
        assertThat(d.toText()).contains("REGRESSIONS: 2", "reviews-canary-90-10: passed → failed", "(exit 1)");
        assertThat(d.toMarkdown()).contains("**REGRESSION: 1 scenario and 1 check no longer pass",
                "| `reviews-canary-90-10` | split · reviews | passed | failed | v2 answered 16% |");
    }

    @Test
    void aCheckThatRegressesInAScenarioThatFailedBeforeIsARegressionToo() {
        ConformanceReport failingBase = SampleReports.with(base, "reviews-canary-90-10", s -> fail(s, 0, "skewed"));
        ConformanceReport head = SampleReports.with(base, "reviews-canary-90-10", s -> fail(s, 1, "a 503"));

        ReportDiff d = ReportDiff.of(failingBase, head);

        assertThat(d.regressions()).extracting(ReportDiff.Change::check).containsExactly("status · 200");
        assertThat(d.fixes()).extracting(ReportDiff.Change::check).containsExactly("split · reviews");
        assertThat(d.exitStatus()).isEqualTo(1);
    }

    @Test
    void aScenarioMissingFromTheHeadIsARegressionWhenItHadPassed() {
        List<ScenarioReport> fewer = base.scenarios().stream().filter(s -> !s.id().equals("reviews-header-jason")).toList();
        ConformanceReport head = ConformanceReport.of(base.target(), base.run(), fewer);

        ReportDiff d = ReportDiff.of(base, head);

        assertThat(d.regressions()).containsExactly(
                new ReportDiff.Change("reviews-header-jason", null, Result.passed, null, "missing in head"));
        assertThat(d.exitStatus()).isEqualTo(1);
    }

    @Test
    void passedToUnsupportedIsARegressionAndASupportChange() {
        ConformanceReport head = SampleReports.with(base, "reviews-header-jason", s -> new ScenarioReport(s.id(), s.title(),
                s.feature(), Support.unsupported, Result.unsupported, 0, null, 1, s.file(), s.line(), "dropped", List.of(),
                List.of(), List.of()));

        ReportDiff d = ReportDiff.of(base, head);

        assertThat(d.regressions()).extracting(ReportDiff.Change::scenario, ReportDiff.Change::check)
                .contains(org.assertj.core.groups.Tuple.tuple("reviews-header-jason", null),
                        org.assertj.core.groups.Tuple.tuple("reviews-header-jason", "split · reviews for jason"));
        assertThat(d.otherChanges()).extracting(ReportDiff.Change::detail).contains("support native → unsupported");
    }

    @Test
    void fixesAloneExitZero() {
        ConformanceReport failingBase = SampleReports.with(base, "reviews-canary-90-10", s -> fail(s, 0, "skewed"));

        ReportDiff d = ReportDiff.of(failingBase, base);

        assertThat(d.regressions()).isEmpty();
        assertThat(d.fixes()).extracting(ReportDiff.Change::scenario, ReportDiff.Change::check).containsExactly(
                org.assertj.core.groups.Tuple.tuple("reviews-canary-90-10", null),
                org.assertj.core.groups.Tuple.tuple("reviews-canary-90-10", "split · reviews"));
        assertThat(d.exitStatus()).isZero();
    }

    @Test
    void aNewScenarioIsAnOtherChangeNotARegressionEvenWhenItFails() {
        ScenarioReport added = new ScenarioReport("new-one", null, "Retries", Support.native_, Result.failed, 1, 1L, 1, null, 0,
                "retries not seen", null, null, null);
        List<ScenarioReport> more = new java.util.ArrayList<>(base.scenarios());
        more.add(added);

        ReportDiff d = ReportDiff.of(base, ConformanceReport.of(base.target(), base.run(), more));

        assertThat(d.regressions()).isEmpty();
        assertThat(d.otherChanges()).containsExactly(new ReportDiff.Change("new-one", null, null, Result.failed, "retries not seen"));
    }

    @Test
    void figuresThatMovedByTheThresholdAreListedWithTheirRelativeChange() {
        ConformanceReport head = SampleReports.with(base, "reviews-canary-90-10", s -> new ScenarioReport(s.id(), s.title(),
                s.feature(), s.support(), s.result(), s.requests(), 824L, s.durationMs() + 100, s.file(), s.line(), s.reason(),
                s.checks(), s.events(), s.notes(), s.series()));

        ReportDiff d = ReportDiff.of(base, head);

        assertThat(d.figures()).hasSize(1);
        ReportDiff.FigureChange f = d.figures().get(0);
        assertThat(f.figure()).isEqualTo("convergenceMs");
        assertThat(f.base()).isEqualTo(412.0);
        assertThat(f.head()).isEqualTo(824.0);
        assertThat(f.relativeChange()).isEqualTo(1.0, within(1e-9));
        assertThat(d.exitStatus()).as("a slower convergence is a figure, not a regression").isZero();
        assertThat(d.toText()).contains("reviews-canary-90-10  convergenceMs  412 → 824  +100.0%");
        assertThat(ReportDiff.of(base, head, 0.0).figures()).as("with no threshold the +0.3% duration shows too").hasSize(2);
    }

    @Test
    void latencyPercentilesAndConvergenceNotReachedAreFigures() {
        ConformanceReport istio = SampleReports.failingIstio();
        ConformanceReport local = SampleReports.passedLocal();

        ReportDiff d = ReportDiff.of(local, istio);

        assertThat(d.figures()).extracting(ReportDiff.FigureChange::scenario, ReportDiff.FigureChange::figure)
                .contains(org.assertj.core.groups.Tuple.tuple("ratings-fault-delay-2s", "latency p50 ms"),
                        org.assertj.core.groups.Tuple.tuple("reviews-canary-90-10", "convergenceMs"));
    }

    @Test
    void theJsonFormCarriesTheVerdict() throws Exception {
        ConformanceReport head = SampleReports.with(base, "reviews-canary-90-10", s -> fail(s, 0, "skewed"));

        JsonNode json = ReportMapper.json().readTree(ReportDiff.of(base, head).toJson());

        assertThat(json.path("exitStatus").asInt()).isEqualTo(1);
        assertThat(json.path("verdict").asText()).startsWith("REGRESSION");
        assertThat(json.path("regressions").get(0).path("scenario").asText()).isEqualTo("reviews-canary-90-10");
        assertThat(json.path("regressions").get(0).path("base").asText()).isEqualTo("passed");
        assertThat(json.path("base").path("target").path("name").asText()).isEqualTo("local");
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("base", "head", "verdict", "exitStatus", "regressions");
    }

    @Test
    void markdownCellsCannotBreakTheTable() {
        ConformanceReport head = SampleReports.with(base, "reviews-canary-90-10", s -> fail(s, 0, "a | b\nc <img>"));
        String md = ReportDiff.of(base, head).toMarkdown();
        assertThat(md).contains("a \\| b c &lt;img&gt;").doesNotContain("<img>");
    }

    /** The scenario with check {@code index} failed with this message. */
    private static ScenarioReport fail(ScenarioReport s, int index, String message) {
        List<CheckReport> checks = new java.util.ArrayList<>(s.checks());
        CheckReport c = checks.get(index);
        checks.set(index, new CheckReport(c.kind(), c.name(), Result.failed, c.line(), c.expected(), c.observed(), c.evidence(),
                message));
        return new ScenarioReport(s.id(), s.title(), s.feature(), s.support(), Result.failed, s.requests(), s.convergenceMs(),
                s.durationMs(), s.file(), s.line(), s.reason(), checks, s.events(), s.notes(), s.series());
    }

    @Test
    void targetsAreNamedInTheText() {
        ConformanceReport head = ConformanceReport.of(new TargetInfo("local", "HAProxy 2.8.1", null), base.run(), base.scenarios());
        assertThat(ReportDiff.of(base, head).toText()).contains("base: local HAProxy 2.6.12", "head: local HAProxy 2.8.1");
    }
}
