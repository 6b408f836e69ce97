package io.meshproof.engine.descriptor;

import io.meshproof.engine.attach.AllureAttachments;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.ScenarioOutcome;
import io.meshproof.oracle.Oracles;
import io.meshproof.oracle.Verdict;
import io.meshproof.report.CheckReport;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.html.IndexPage;
import io.meshproof.report.Result;
import io.meshproof.scenario.CheckNames;
import io.meshproof.scenario.Expectation;
import io.meshproof.scenario.Scenario;
import org.junit.platform.engine.UniqueId;

import java.util.List;

/** One expectation of a scenario, judged by its oracle on what the scenario observed. */
public final class CheckDescriptor extends ScenarioCheck {

    public static final String SEGMENT = "check";

    private final Expectation expectation;
    /** The scenario's last check attaches the scenario's page, with every verdict in it. */
    private final boolean last;

    CheckDescriptor(UniqueId parentId, Scenario scenario, int index) {
        super(parentId.append(SEGMENT, String.valueOf(index)), CheckNames.of(scenario.expect().get(index)),
                ScenarioSources.at(scenario.file(), scenario.lineOfExpectation(index)), index, scenario.expect().get(index).kind(),
                scenario.lineOfExpectation(index));
        this.expectation = scenario.expect().get(index);
        this.last = index == scenario.expect().size() - 1;
    }

    @Override
    void judge(MeshproofContext context, ScenarioOutcome outcome) {
        Verdict verdict = Oracles.judge(expectation, outcome.observations(), context.run().rates());
        outcome.check(index(), new CheckReport(expectation.kind(), getDisplayName(), verdict.passed() ? Result.passed : Result.failed,
                line(), verdict.expected(), verdict.observed(), verdict.evidence(), verdict.message()));
        if (last) {
            AllureAttachments.page(outcome.scenario().id() + " (page with charts)", IndexPage.render(
                    ConformanceReport.of(context.target().info(), context.run().info(), List.of(outcome.toReport()))));
        }
        if (!verdict.passed()) {
            throw new CheckFailedError(verdict);
        }
    }
}
