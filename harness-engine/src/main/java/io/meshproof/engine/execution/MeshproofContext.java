package io.meshproof.engine.execution;

import io.meshproof.target.MeshTarget;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What each node of the tree gets from its parent: the run, the target once up, the scenario's outcome. */
public record MeshproofContext(RunState run, MeshTarget target, ScenarioOutcome outcome) implements EngineExecutionContext {

    public MeshproofContext withTarget(MeshTarget target) {
        return new MeshproofContext(run, target, null);
    }

    public MeshproofContext withOutcome(ScenarioOutcome outcome) {
        return new MeshproofContext(run, target, outcome);
    }
}
