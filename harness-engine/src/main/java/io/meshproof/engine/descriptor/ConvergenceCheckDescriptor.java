package io.meshproof.engine.descriptor;

import io.meshproof.engine.attach.AllureAttachments;
import io.meshproof.engine.convergence.ConvergenceResult;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.ScenarioOutcome;
import io.meshproof.report.CheckReport;
import io.meshproof.report.Result;
import io.meshproof.scenario.Scenario;
import org.junit.platform.engine.UniqueId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The convergence gate as a check (DESIGN.md section 6): passes when the new state was observed in
 * effect within the timeout. A mesh that never applies the state fails it, and the other checks
 * then show what it did instead.
 */
public final class ConvergenceCheckDescriptor extends ScenarioCheck {

    public static final int INDEX = -1;

    ConvergenceCheckDescriptor(UniqueId parentId, Scenario scenario) {
        super(parentId.append(CheckDescriptor.SEGMENT, "convergence"), "converges to the new state",
                ScenarioSources.at(scenario.file(), scenario.positions().lineOf("/mesh")), INDEX, "convergence",
                scenario.positions().lineOf("/mesh"));
    }

    @Override
    void judge(MeshproofContext context, ScenarioOutcome outcome) {
        if (outcome.rendered() != null) {
            AllureAttachments.meshState(outcome.rendered());
        }
        if (outcome.observations() != null) {
            AllureAttachments.records(outcome.observations().records());
        }
        ConvergenceResult c = outcome.convergence();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("appliedMs", c.appliedMs());
        evidence.put("elapsedMs", c.elapsedMs());
        evidence.put("probe", c.probe());
        evidence.put("detail", c.detail());
        outcome.check(INDEX, new CheckReport("convergence", getDisplayName(), c.converged() ? Result.passed : Result.failed, line(),
                "observed in effect", c.converged() ? "converged in " + c.elapsedMs() + " ms" : "not converged",
                evidence, c.converged() ? "the new state was in effect after " + c.elapsedMs() + " ms" : c.detail()));
        if (!c.converged()) {
            throw new CheckFailedError("the new mesh state was not observed in effect: " + c.detail());
        }
    }
}
