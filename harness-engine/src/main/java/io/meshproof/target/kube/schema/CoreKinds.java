package io.meshproof.target.kube.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks core Kubernetes kinds (Service, Deployment, ConfigMap, Namespace...), which have no CRD,
 * against fabric8's typed model: a wrong type fails to read, and a field the model does not know
 * lands in some object's {@code additionalProperties}, which is reported as an unknown field.
 */
final class CoreKinds {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private CoreKinds() {
    }

    /** The problems of a core-kind document, or empty when fabric8 does not know the kind. */
    static Optional<List<String>> check(JsonNode document) {
        String apiVersion = document.path("apiVersion").asText();
        String kind = document.path("kind").asText();
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || !type.getPackageName().startsWith(MODEL_PACKAGE) || type.getSimpleName().startsWith("Generic")) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Object object;
        try {
            object = SERIALIZATION.unmarshal(document.toString(), type);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage().lines().findFirst().orElse("");
            problems.add("does not read as a " + kind + ": " + message);
            return Optional.of(problems);
        }
        walk(object, kind, problems, 0);
        return Optional.of(problems);
    }

    private static void walk(Object value, String path, List<String> problems, int depth) {
        if (value == null || depth > 40) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", problems, depth + 1);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, depth + 1));
            return;
        }
        if (!value.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown) {
                    unknown.keySet().forEach(field -> problems.add(path + ": unknown field '" + field + "'"));
                }
                continue;
            }
            String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            walk(child, path + "." + property, problems, depth + 1);
        }
    }
}
