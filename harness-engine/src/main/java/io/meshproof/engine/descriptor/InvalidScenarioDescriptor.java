package io.meshproof.engine.descriptor;

import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.report.CheckReport;
import io.meshproof.report.Result;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Support;
import io.meshproof.scenario.ScenarioProblem;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file that does not match the contract. It fails with the file, line, what is wrong and
 * how to fix it, and the other scenarios still run (a critical discovery issue would stop them all).
 */
public final class InvalidScenarioDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    private final Path file;
    private final List<ScenarioProblem> problems;

    public InvalidScenarioDescriptor(UniqueId parentId, Path file, List<ScenarioProblem> problems) {
        super(parentId.append("invalid-scenario", file.getFileName().toString()), "invalid scenario file " + file.getFileName(),
                ScenarioSources.at(file, problems.get(0).line()));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public String message() {
        return problems.stream().map(ScenarioProblem::describe).collect(Collectors.joining("\n"));
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public MeshproofContext execute(MeshproofContext context, DynamicTestExecutor executor) {
        ScenarioProblem first = problems.get(0);
        context.run().add(new ScenarioReport(file.getFileName().toString(), "invalid scenario file", null, Support.unsupported,
                Result.failed, 0, null, 0, file.toString(), first.line(), message(),
                List.of(new CheckReport("scenario-file", "scenario file is valid", Result.failed, first.line(), null, null, null, message())),
                List.of(), List.of()));
        throw new CheckFailedError(message());
    }
}
