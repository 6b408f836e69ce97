package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.meshproof.target.RenderedState;
import io.meshproof.target.RenderedState.RenderedFile;
import io.meshproof.target.kube.ManifestYaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks rendered manifests before they reach a cluster: custom resources against the strict
 * form of their CRD's schema, core kinds against fabric8's model, and every object's metadata.
 * A kind that neither knows is a problem too, so nothing passes unchecked.
 */
public final class ManifestValidator {

    private final CrdSchemas crds;

    public ManifestValidator(CrdSchemas crds) {
        this.crds = crds;
    }

    /** One problem in one file of a rendered state. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /** Every problem of every file; each file must hold exactly one document. */
    public List<Problem> validate(RenderedState state) {
        List<Problem> problems = new ArrayList<>();
        for (RenderedFile file : state.files()) {
            List<ObjectNode> documents;
            try {
                documents = ManifestYaml.readAll(file.content());
            } catch (RuntimeException e) {
                problems.add(new Problem(file.name(), e.getMessage()));
                continue;
            }
            if (documents.size() != 1) {
                problems.add(new Problem(file.name(), "holds " + documents.size() + " documents, not one"));
            }
            for (ObjectNode document : documents) {
                validate(document).forEach(message -> problems.add(new Problem(file.name(), message)));
            }
        }
        return problems;
    }

    /** The problems of one object. */
    public List<String> validate(JsonNode document) {
        List<String> problems = new ArrayList<>();
        String apiVersion = document.path("apiVersion").asText("");
        String kind = document.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            problems.add("apiVersion or kind is missing");
            return problems;
        }
        problems.addAll(MetadataRules.check(kind, document.get("metadata")));
        Optional<JsonSchema> schema = crds.schemaOf(apiVersion, kind);
        if (schema.isPresent()) {
            for (ValidationMessage message : schema.get().validate(document)) {
                problems.add(apiVersion + " " + kind + " " + message.getMessage());
            }
            return problems;
        }
        Optional<List<String>> core = CoreKinds.check(document);
        if (core.isPresent()) {
            problems.addAll(core.get());
        } else {
            problems.add("no schema for " + apiVersion + " " + kind + ": neither a CRD in the CRD directory nor a core Kubernetes kind");
        }
        return problems;
    }
}
