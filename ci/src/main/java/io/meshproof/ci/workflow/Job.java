package io.meshproof.ci.workflow;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One job of a workflow: its id and fields, and its steps in order. */
public record Job(String id, JsonNode node) {

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        JsonNode list = node.path("steps");
        for (int i = 0; i < list.size(); i++) {
            steps.add(new Step(this, i, list.get(i)));
        }
        return steps;
    }

    /** The directory its {@code run:} steps start in unless a step says otherwise ({@code defaults.run.working-directory}). */
    public Optional<String> workingDirectory() {
        JsonNode dir = node.path("defaults").path("run").path("working-directory");
        return dir.isTextual() ? Optional.of(dir.asText()) : Optional.empty();
    }

    /** For messages: {@code jobs.verify}. */
    public String where() {
        return "jobs." + id;
    }
}
