package io.meshproof.ci.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** One step of a job: a {@code run:} script or a {@code uses:} action. */
public record Step(Job job, int index, JsonNode node) {

    public Optional<String> run() {
        return text("run");
    }

    public Optional<String> uses() {
        return text("uses");
    }

    /** The action's name without its version: {@code actions/upload-artifact}. */
    public Optional<String> action() {
        return uses().map(u -> u.contains("@") ? u.substring(0, u.indexOf('@')) : u);
    }

    public JsonNode with() {
        return node.path("with");
    }

    public Optional<String> condition() {
        return text("if");
    }

    /** The directory the script starts in, relative to the checkout: the step's, else the job's default, else ".". */
    public String workingDirectory() {
        return text("working-directory").or(job::workingDirectory).orElse(".");
    }

    /** For messages: {@code jobs.verify.steps[3] "Build and test"}. */
    public String where() {
        return job.where() + ".steps[" + index + "]" + text("name").map(n -> " \"" + n + "\"").orElse("");
    }

    private Optional<String> text(String field) {
        JsonNode n = node.path(field);
        return n.isValueNode() && !n.isNull() ? Optional.of(n.asText()) : Optional.empty();
    }
}
