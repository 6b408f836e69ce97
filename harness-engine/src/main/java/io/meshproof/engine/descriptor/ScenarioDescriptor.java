package io.meshproof.engine.descriptor;

import io.meshproof.engine.console.ConsoleProgress;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.RunState;
import io.meshproof.engine.execution.ScenarioOutcome;
import io.meshproof.engine.execution.ScenarioRun;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Support;
import io.meshproof.scenario.Scenario;
import io.meshproof.target.DryRunWriter;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.RenderedState;
import io.meshproof.target.MeshTarget;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.nio.file.Path;
import java.util.Set;

/**
 * One scenario: applies its state, passes the convergence gate, drives the load (in {@link #before});
 * its children judge what was observed; {@link #after} adds its entry to the report.
 */
public final class ScenarioDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    public static final String SEGMENT = "scenario";

    private final Scenario scenario;

    public ScenarioDescriptor(UniqueId parentId, Scenario scenario) {
        super(parentId.append(SEGMENT, scenario.id()), scenario.id() + ": " + scenario.title(),
                ScenarioSources.at(scenario.file(), scenario.line()));
        this.scenario = scenario;
        addChild(new ConvergenceCheckDescriptor(getUniqueId(), scenario));
        for (int i = 0; i < scenario.expect().size(); i++) {
            addChild(new CheckDescriptor(getUniqueId(), scenario, i));
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return Set.of(TestTag.create(scenario.feature().name()), TestTag.create(scenario.feature().profile().name()));
    }

    @Override
    public MeshproofContext prepare(MeshproofContext context) {
        return context.withOutcome(new ScenarioOutcome(scenario));
    }

    @Override
    public MeshproofContext before(MeshproofContext context) throws Exception {
        RunState run = context.run();
        MeshTarget target = context.target();
        ScenarioOutcome outcome = context.outcome();
        ConsoleProgress progress = run.console().child(target.name() + ": " + scenario.id() + ": ");
        FeatureSupport support = target.support(scenario);
        outcome.support(support);
        if (support.note() != null) {
            outcome.note(support.note());
        }
        if (run.config().dryRun()) {
            RenderedState rendered = target.render(scenario);
            Path dir = new DryRunWriter(run.config().reportDir()).write(target.name(), scenario.id(), rendered);
            outcome.rendered(rendered);
            progress.line("rendered " + rendered.files().size() + " files to " + dir.toAbsolutePath() + " (support: " + support.level() + ")");
            try {
                target.validate(rendered).ifPresent(checked -> {
                    outcome.note(checked);
                    progress.line(checked);
                });
            } catch (Exception e) {
                outcome.stage(ScenarioOutcome.Stage.BROKEN, e.getMessage());
                throw e;
            }
            outcome.stage(ScenarioOutcome.Stage.DRY_RUN, "dry run: " + rendered.files().size() + " files rendered to " + dir);
            return context;
        }
        if (support.level() == Support.unsupported) {
            outcome.stage(ScenarioOutcome.Stage.UNSUPPORTED, target.name() + " does not support this: " + support.note());
            progress.line("unsupported: " + support.note());
            return context;
        }
        progress.line(scenario.title());
        try {
            new ScenarioRun(run, target, progress).execute(outcome);
            outcome.stage(ScenarioOutcome.Stage.RAN, null);
        } catch (Exception e) {
            outcome.stage(ScenarioOutcome.Stage.BROKEN, e.getMessage());
            throw e;
        }
        return context;
    }

    @Override
    public void after(MeshproofContext context) {
        ScenarioOutcome outcome = context.outcome();
        outcome.finish();
        context.run().add(outcome.toReport());
    }

    /** This scenario's report entry when it never ran. */
    ScenarioReport notRun(String reason) {
        ScenarioOutcome outcome = new ScenarioOutcome(scenario);
        outcome.stage(ScenarioOutcome.Stage.BROKEN, reason);
        outcome.finish();
        return outcome.toReport();
    }
}
