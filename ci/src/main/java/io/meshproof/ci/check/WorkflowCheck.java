package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Workflow;

import java.util.List;

/** One rule every workflow of the project keeps; a workflow that breaks it gets findings, one that keeps it none. */
public interface WorkflowCheck {

    List<Finding> check(Workflow workflow, Project project);

    /** Every check, in the order their findings are worth reading. */
    static List<WorkflowCheck> all() {
        return List.of(new StructureCheck(), new InjectionCheck(), new CommandReferenceCheck(), new ArtifactPathCheck());
    }
}
