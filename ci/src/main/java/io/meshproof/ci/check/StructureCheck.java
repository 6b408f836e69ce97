package io.meshproof.ci.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Job;
import io.meshproof.ci.workflow.Step;
import io.meshproof.ci.workflow.Workflow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shape every workflow keeps: triggers, read-only top-level permissions (write scopes only on the job that
 * needs them), and jobs that each say where they run, how long they may take, and what they do, with actions
 * pinned to a version and {@code needs:} naming jobs that exist.
 */
public final class StructureCheck implements WorkflowCheck {

    /** GitHub-hosted runners end a job after 360 minutes whatever the workflow says. */
    static final int MAX_TIMEOUT_MINUTES = 360;
    /** owner/repo[/path]@vN[.N[.N]] or @<40-hex commit>; local (./) and docker:// actions are fine as they are. */
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})");

    @Override
    public List<Finding> check(Workflow workflow, Project project) {
        List<Finding> findings = new ArrayList<>();
        String file = workflow.displayName();
        JsonNode on = workflow.on();
        if (on.isMissingNode() || on.isNull() || (on.isContainerNode() && on.isEmpty())) {
            findings.add(new Finding(file, "on", "no triggers: say when it runs (on: push, schedule, workflow_dispatch, ...)"));
        }
        permissions(workflow.field("permissions"), file, findings);

        List<Job> jobs = workflow.jobs();
        if (jobs.isEmpty()) {
            findings.add(new Finding(file, "jobs", "no jobs: a workflow needs at least one job under jobs:"));
        }
        Set<String> ids = jobs.stream().map(Job::id).collect(Collectors.toSet());
        for (Job job : jobs) {
            job(job, ids, file, findings);
        }
        return findings;
    }

    private static void permissions(JsonNode permissions, String file, List<Finding> findings) {
        if (permissions.isMissingNode()) {
            findings.add(new Finding(file, "permissions", "missing: without it the token gets the repository's default"
                    + " (often write to everything); declare the least the workflow needs, e.g. permissions: {contents: read}"));
        } else if (permissions.isTextual() && permissions.asText().equals("write-all")) {
            findings.add(new Finding(file, "permissions", "write-all: grant read at the top (contents: read) and write"
                    + " scopes only on the job that needs them"));
        } else if (permissions.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = permissions.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().asText().equals("write")) {
                    findings.add(new Finding(file, "permissions." + e.getKey(), "write for every job: move '" + e.getKey()
                            + ": write' to the permissions: of the job that needs it"));
                }
            }
        }
    }

    private static void job(Job job, Set<String> ids, String file, List<Finding> findings) {
        String where = job.where();
        JsonNode node = job.node();
        if (!node.isObject()) {
            findings.add(new Finding(file, where, "not a mapping: a job has runs-on:, timeout-minutes: and steps:"));
            return;
        }
        if (!node.hasNonNull("runs-on")) {
            findings.add(new Finding(file, where, "no runs-on: say which runner it needs, e.g. runs-on: ubuntu-24.04"));
        }
        JsonNode timeout = node.path("timeout-minutes");
        if (timeout.isMissingNode()) {
            findings.add(new Finding(file, where, "no timeout-minutes: a hung job would hold a runner for "
                    + MAX_TIMEOUT_MINUTES + " minutes; set the longest it may take"));
        } else if (!timeout.canConvertToInt() || !timeout.isIntegralNumber() || timeout.asInt() < 1
                || timeout.asInt() > MAX_TIMEOUT_MINUTES) {
            findings.add(new Finding(file, where + ".timeout-minutes", "'" + timeout.asText()
                    + "' is not a whole number of minutes from 1 to " + MAX_TIMEOUT_MINUTES));
        }
        for (JsonNode need : node.path("needs").isArray() ? node.path("needs") : List.of(node.path("needs"))) {
            if (need.isTextual() && !ids.contains(need.asText())) {
                findings.add(new Finding(file, where + ".needs", "names job '" + need.asText()
                        + "', which this workflow does not have (jobs: " + String.join(", ", ids.stream().sorted().toList()) + ")"));
            }
        }
        List<Step> steps = job.steps();
        if (steps.isEmpty()) {
            findings.add(new Finding(file, where, "no steps: a job does something under steps:"));
        }
        for (Step step : steps) {
            boolean run = step.node().has("run");
            boolean uses = step.node().has("uses");
            if (run == uses) {
                findings.add(new Finding(file, step.where(), run
                        ? "has both run: and uses:: a step either runs a script or uses an action"
                        : "has neither run: nor uses:: say what the step does"));
            }
            step.uses().filter(u -> !u.startsWith("./") && !u.startsWith("docker://") && !PINNED.matcher(u).matches())
                    .ifPresent(u -> findings.add(new Finding(file, step.where(), "uses " + u
                            + ", which is not pinned: name a major version (actions/checkout@v4) or a commit")));
        }
    }
}
