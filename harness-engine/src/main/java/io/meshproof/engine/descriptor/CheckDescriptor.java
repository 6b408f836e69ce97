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
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.TestAbortedException;

import java.util.List;

/** One expectation of a scenario, judged by its oracle on what the scenario observed. */
public final class CheckDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    public static final String SEGMENT = "check";

    private final Expectation expectation;
    private final int index;
    private final int line;
    /** The scenario's last check attaches the scenario's page, with every verdict in it. */
    private final boolean last;

    CheckDescriptor(UniqueId parentId, Scenario scenario, int index) {
        super(parentId.append(SEGMENT, String.valueOf(index)), CheckNames.of(scenario.expect().get(index)),
                ScenarioSources.at(scenario.file(), scenario.lineOfExpectation(index)));
        this.expectation = scenario.expect().get(index);
        this.index = index;
        this.line = scenario.lineOfExpectation(index);
        this.last = index == scenario.expect().size() - 1;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public SkipResult shouldBeSkipped(MeshproofContext context) {
        ScenarioOutcome outcome = context.outcome();
        return outcome.stage() == ScenarioOutcome.Stage.DRY_RUN ? SkipResult.skip(outcome.reason()) : SkipResult.doNotSkip();
    }

    @Override
    public MeshproofContext execute(MeshproofContext context, DynamicTestExecutor executor) {
        ScenarioOutcome outcome = context.outcome();
        if (outcome.stage() == ScenarioOutcome.Stage.UNSUPPORTED) {
            outcome.check(index, new CheckReport(expectation.kind(), getDisplayName(), Result.unsupported, line,
                    null, null, null, outcome.reason()));
            throw new TestAbortedException(outcome.reason());
        }
        Verdict verdict = Oracles.judge(expectation, outcome.observations(), context.run().rates());
        outcome.check(index, new CheckReport(expectation.kind(), getDisplayName(), verdict.passed() ? Result.passed : Result.failed,
                line, verdict.expected(), verdict.observed(), verdict.evidence(), verdict.message()));
        if (last) {
            AllureAttachments.page(outcome.scenario().id() + " (page with charts)", IndexPage.render(
                    ConformanceReport.of(context.target().info(), context.run().info(), List.of(outcome.toReport()))));
        }
        if (!verdict.passed()) {
            throw new CheckFailedError(verdict);
        }
        return context;
    }
}
