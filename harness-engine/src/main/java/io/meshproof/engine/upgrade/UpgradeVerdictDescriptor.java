package io.meshproof.engine.upgrade;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.RunState;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.diff.ReportDiff;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The upgrade gate's verdict: the diff of the suite's reports before and after the upgrade, written
 * to {@code <report dir>/upgrade/diff.md} and {@code diff.json}; any regression fails it (and so the build).
 */
public final class UpgradeVerdictDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    private final MeshConfiguration.Upgrade upgrade;

    public UpgradeVerdictDescriptor(UniqueId parentId, MeshConfiguration.Upgrade upgrade) {
        super(parentId.append("upgrade", "verdict"), "no regression from " + upgrade.from() + " to " + upgrade.to());
        this.upgrade = upgrade;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public MeshproofContext execute(MeshproofContext context, DynamicTestExecutor executor) throws Exception {
        RunState run = context.run();
        ConformanceReport from = run.phaseReport(PhaseDescriptor.FROM)
                .orElseThrow(() -> new AssertionFailedError("the suite before the upgrade left no report"));
        ConformanceReport to = run.phaseReport(PhaseDescriptor.TO)
                .orElseThrow(() -> new AssertionFailedError("the suite after the upgrade left no report"));
        ReportDiff diff = ReportDiff.of(from, to);
        Path dir = run.config().upgradeReportDir();
        Files.createDirectories(dir);
        String under = run.upgradeOutcome().orElse("not run");
        Files.writeString(dir.resolve("diff.md"), "# Upgrade gate: " + context.target().name() + " " + upgrade.from() + " → "
                + upgrade.to() + "\n\nUpgrade under load: " + under + "\n\n" + diff.toMarkdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("diff.json"), diff.toJson(), StandardCharsets.UTF_8);
        run.console().line(context.target().name() + ": upgrade gate " + diff.verdict() + "; diff in " + dir.resolve("diff.md").toAbsolutePath());
        diff.toText().lines().forEach(line -> run.console().line("  " + line));
        if (diff.hasRegressions()) {
            throw new AssertionFailedError("the upgrade from " + upgrade.from() + " to " + upgrade.to() + " regressed:\n" + diff.toText());
        }
        return context;
    }
}
