package io.meshproof.engine.descriptor;

import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.ScenarioOutcome;
import io.meshproof.report.CheckReport;
import io.meshproof.report.Result;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.TestAbortedException;

/**
 * A check of a scenario, a JUnit test: skipped in a dry run, aborted as unsupported when the target
 * cannot do what the scenario needs, else judged on what the scenario observed.
 */
abstract class ScenarioCheck extends AbstractTestDescriptor implements Node<MeshproofContext> {

    private final int index;
    private final String kind;
    private final int line;

    ScenarioCheck(UniqueId uniqueId, String displayName, TestSource source, int index, String kind, int line) {
        super(uniqueId, displayName, source);
        this.index = index;
        this.kind = kind;
        this.line = line;
    }

    @Override
    public final Type getType() {
        return Type.TEST;
    }

    @Override
    public final SkipResult shouldBeSkipped(MeshproofContext context) {
        ScenarioOutcome outcome = context.outcome();
        return outcome.stage() == ScenarioOutcome.Stage.DRY_RUN ? SkipResult.skip(outcome.reason()) : SkipResult.doNotSkip();
    }

    @Override
    public final MeshproofContext execute(MeshproofContext context, DynamicTestExecutor executor) {
        ScenarioOutcome outcome = context.outcome();
        if (outcome.stage() == ScenarioOutcome.Stage.UNSUPPORTED) {
            outcome.check(index, new CheckReport(kind, getDisplayName(), Result.unsupported, line, null, null, null, outcome.reason()));
            throw new TestAbortedException(outcome.reason());
        }
        judge(context, outcome);
        return context;
    }

    /** Records this check's verdict in the outcome; throws {@link CheckFailedError} when it failed. */
    abstract void judge(MeshproofContext context, ScenarioOutcome outcome);

    int index() {
        return index;
    }

    int line() {
        return line;
    }
}
