package io.meshproof.target.kube.apply;

/**
 * Deployments whose pods must be recreated for a change to take effect (Linkerd reads
 * {@code config.linkerd.io/default-inbound-policy} only when a pod is created). A rendered object asks
 * for it with the annotation {@code meshproof.io/restart}: {@code all}, or a label selector for the
 * Deployments ({@code app=reviews}); the namespace is the object's own, or the Namespace it names.
 */
public record RestartRequest(String namespace, String selector) {

    public static final String ANNOTATION = "meshproof.io/restart";

    public boolean all() {
        return selector == null || selector.isBlank() || "all".equals(selector.trim());
    }
}
