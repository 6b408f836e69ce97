package io.meshproof.engine.upgrade;

import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.RunState;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.ReportFiles;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.nio.file.Path;

/**
 * One side of an upgrade gate: the whole suite on the version before ({@code from}) or after
 * ({@code to}) the upgrade. Its report goes to {@code <report dir>/upgrade/<phase>/<target>/}.
 */
public final class PhaseDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    public static final String SEGMENT = "phase";
    public static final String FROM = "from";
    public static final String TO = "to";

    private final String phase;

    public PhaseDescriptor(UniqueId parentId, String phase, String version) {
        super(parentId.append(SEGMENT, phase), (phase.equals(FROM) ? "before the upgrade: " : "after the upgrade: ") + version);
        this.phase = phase;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public MeshproofContext before(MeshproofContext context) {
        context.run().takeReports(); // this phase's report holds this phase's scenarios only
        context.run().console().line(context.target().name() + ": " + getDisplayName() + " (" + context.target().info().version() + ")");
        return context;
    }

    @Override
    public void after(MeshproofContext context) throws Exception {
        RunState run = context.run();
        ConformanceReport report = ConformanceReport.of(context.target().info(), run.info(), run.takeReports());
        Path dir = run.config().upgradeReportDir().resolve(phase).resolve(context.target().name());
        ReportFiles.write(report, dir);
        run.phaseReport(phase, report);
        run.console().line(context.target().name() + ": report of the " + phase + " phase written to " + dir.toAbsolutePath());
    }
}
