package io.meshproof.engine.descriptor;

import io.meshproof.engine.console.SummaryTable;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.RunState;
import io.meshproof.engine.execution.TargetFactory;
import io.meshproof.engine.upgrade.PhaseDescriptor;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.ReportFiles;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.Progress;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.nio.file.Path;

/** One target of the run (local, istio, linkerd): brought up before its scenarios, torn down after, reported. */
public final class TargetDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    public static final String SEGMENT = "target";

    private final String target;

    public TargetDescriptor(UniqueId parentId, String target) {
        super(parentId.append(SEGMENT, target), target);
        this.target = target;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public MeshproofContext prepare(MeshproofContext context) throws Exception {
        return context.withTarget(TargetFactory.create(context.run().config()));
    }

    @Override
    public MeshproofContext before(MeshproofContext context) throws Exception {
        RunState run = context.run();
        if (run.config().dryRun()) {
            run.console().line(target + ": dry run, rendering manifests to " + run.config().targetReportDir().resolve("rendered").toAbsolutePath() + " (no cluster is touched)");
            return context;
        }
        Progress progress = run.console().child(target + ": ");
        try (Progress.Step step = progress.step("starting target " + target)) {
            try {
                context.target().start(progress);
            } catch (Exception e) {
                step.failed();
                run.targetFailed("target " + target + " did not start: " + e.getMessage());
                throw e;
            }
        }
        progress.line("target is " + context.target().info().version()
                + (context.target().info().cluster() == null ? "" : " on " + context.target().info().cluster()));
        return context;
    }

    @Override
    public void after(MeshproofContext context) throws Exception {
        RunState run = context.run();
        try {
            context.target().close();
        } finally {
            reportScenariosNotRun(run);
            if (run.config().upgrade().isPresent()) {
                // an upgrade gate reported each phase and wrote the diff; show what the phases found
                run.phaseReport(PhaseDescriptor.FROM).ifPresent(r -> SummaryTable.print(r, run.console()));
                run.phaseReport(PhaseDescriptor.TO).ifPresent(r -> SummaryTable.print(r, run.console()));
            } else {
                ConformanceReport report = ConformanceReport.of(context.target().info(), run.info(), run.reports());
                Path dir = run.config().targetReportDir();
                ReportFiles.write(report, dir);
                run.console().line(target + ": report written to " + dir.toAbsolutePath().resolve("conformance-report.json"));
                SummaryTable.print(report, run.console());
            }
        }
    }

    @Override
    public void cleanUp(MeshproofContext context) {
        if (context.target() != null) {
            context.target().close(); // idempotent: also runs when before() failed half-way
        }
    }

    /** Scenarios that never ran (the target did not start) still appear in the report, failed, with the reason. */
    private void reportScenariosNotRun(RunState run) {
        run.targetFailure().ifPresent(reason -> getDescendants().forEach(child -> {
            if (child instanceof ScenarioDescriptor scenario) {
                run.add(scenario.notRun(reason));
            }
        }));
    }

}
