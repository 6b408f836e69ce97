package io.meshproof.target.kube.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Marks what one harness run creates, so that it deletes only that: label
 * {@code app.kubernetes.io/managed-by=meshproof} plus {@code meshproof.io/run=<run id>}. Objects
 * without both labels (with this run's id) are never deleted by the harness.
 */
public record Ownership(String runId) {

    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "meshproof";
    public static final String RUN = "meshproof.io/run";
    public static final String SCENARIO = "meshproof.io/scenario";

    private static final SecureRandom RANDOM = new SecureRandom();

    public Ownership {
        if (runId == null || !runId.matches("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")) {
            throw new IllegalArgumentException("a run id must be a lowercase label value (letters, digits, '-'), was " + runId);
        }
    }

    /** A new run: date, time and four random hex digits ({@code 20261122-211905-3fa2}). */
    public static Ownership newRun() {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        return new Ownership(time + "-" + String.format(Locale.ROOT, "%04x", RANDOM.nextInt(0x10000)));
    }

    /** The labels every object this run creates carries. */
    public Map<String, String> labels() {
        return Map.of(MANAGED_BY, MANAGER, RUN, runId);
    }

    /** Label selector text for this run's objects. */
    public String selector() {
        return MANAGED_BY + "=" + MANAGER + "," + RUN + "=" + runId;
    }

    /** Adds this run's labels (and the scenario, when given) to an object about to be created. */
    public <T extends HasMetadata> T mark(T object, String scenarioId) {
        Map<String, String> labels = new HashMap<>();
        if (object.getMetadata().getLabels() != null) {
            labels.putAll(object.getMetadata().getLabels());
        }
        labels.putAll(labels());
        if (scenarioId != null) {
            labels.put(SCENARIO, labelValue(scenarioId));
        }
        object.getMetadata().setLabels(labels);
        return object;
    }

    /** A label value: at most 63 characters, starting and ending with a letter or digit. */
    static String labelValue(String text) {
        String value = text.replaceAll("[^A-Za-z0-9._-]", "-");
        if (value.length() > 63) {
            value = value.substring(0, 63);
        }
        return value.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    }

    /** True only when the object carries this run's labels. */
    public boolean owns(HasMetadata object) {
        if (object == null || object.getMetadata() == null || object.getMetadata().getLabels() == null) {
            return false;
        }
        Map<String, String> labels = object.getMetadata().getLabels();
        return MANAGER.equals(labels.get(MANAGED_BY)) && runId.equals(labels.get(RUN));
    }

    /** True when another meshproof run created the object (a leftover of a run that did not clean up). */
    public static boolean managedByAnyRun(HasMetadata object) {
        return object != null && object.getMetadata().getLabels() != null
                && MANAGER.equals(object.getMetadata().getLabels().get(MANAGED_BY));
    }
}
