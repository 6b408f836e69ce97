package io.meshproof.ci.workflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A GitHub Actions workflow file as read: its top-level fields and its jobs, in file order. */
public record Workflow(Path file, JsonNode root) {

    private static final YAMLMapper YAML = new YAMLMapper();

    /** Reads a workflow; a file that is not a YAML mapping is an {@link InvalidWorkflowException} naming file and line. */
    public static Workflow read(Path file) {
        try {
            return of(file, Files.readString(file));
        } catch (IOException e) {
            throw new InvalidWorkflowException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** A workflow from its text; {@code file} names it in messages. */
    public static Workflow of(Path file, String text) {
        try {
            JsonNode root = YAML.readTree(text);
            if (root == null || !root.isObject()) {
                throw new InvalidWorkflowException(file + ": not a workflow: the file must be a YAML mapping with on: and jobs:");
            }
            return new Workflow(file, root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidWorkflowException(file + (at != null ? ":" + at.getLineNr() : "") + ": not valid YAML: "
                    + e.getOriginalMessage());
        }
    }

    /** Every {@code *.yml} and {@code *.yaml} file of a directory, such as {@code .github/workflows}, by name. */
    public static List<Path> filesIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidWorkflowException(dir + ": cannot list workflow files: " + e.getMessage());
        }
    }

    public String name() {
        return root.path("name").asText(file.getFileName().toString());
    }

    /**
     * The {@code on:} triggers. YAML 1.1 reads a bare {@code on} key as the boolean true; Jackson keeps keys as
     * text, so both spellings are looked up.
     */
    public JsonNode on() {
        JsonNode on = root.get("on");
        return on != null ? on : root.path("true");
    }

    public JsonNode field(String name) {
        JsonNode n = root.get(name);
        return n != null ? n : MissingNode.getInstance();
    }

    public List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("jobs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            jobs.add(new Job(e.getKey(), e.getValue()));
        }
        return jobs;
    }

    /** Every step of every job, in order: for checks that look at steps one by one. */
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (Job job : jobs()) {
            steps.addAll(job.steps());
        }
        return steps;
    }

    /** The repository-relative name GitHub shows, for messages: {@code .github/workflows/verify.yml}. */
    public String displayName() {
        Path parent = file.getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("workflows")
                && parent.getParent() != null && parent.getParent().getFileName() != null
                && parent.getParent().getFileName().toString().equals(".github")) {
            return ".github/workflows/" + file.getFileName();
        }
        return file.toString();
    }
}
