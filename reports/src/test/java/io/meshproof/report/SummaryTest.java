package io.meshproof.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void countsScenariosByResult() {
        List<ScenarioReport> scenarios = List.of(scenario(Result.passed), scenario(Result.failed), scenario(Result.passed),
                scenario(Result.unsupported), scenario(Result.skipped), scenario(Result.failed), scenario(Result.failed));

        assertThat(Summary.of(scenarios)).isEqualTo(new Summary(2, 3, 1, 1));
        assertThat(ConformanceReport.of(new TargetInfo("local", null, null), null, scenarios).summary())
                .isEqualTo(new Summary(2, 3, 1, 1));
        assertThat(Summary.of(List.of())).isEqualTo(new Summary(0, 0, 0, 0));
    }

    @Test
    void theSampleReportsCountAsTheyShould() {
        assertThat(SampleReports.passedLocal().summary()).isEqualTo(new Summary(6, 0, 0, 1));
        assertThat(SampleReports.failingIstio().summary()).isEqualTo(new Summary(3, 3, 0, 0));
    }

    private static ScenarioReport scenario(Result result) {
        return new ScenarioReport("s-" + result, null, "TrafficSplit", Support.native_, result, 0, null, 0, null, 0, null,
                null, null, null);
    }
}
