package io.meshproof.target.kube;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.bookinfo.BookinfoDeployer;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The image tags of the mesh proxies in a namespace's live pods, and whether a restart after a
 * control-plane upgrade moved them onto the new version. Their tag can show it only where it follows
 * the control plane's (the charts' default: istiod and istio-proxy, linkerd-destination and
 * linkerd-proxy share one tag) and the control plane's tag changed; otherwise the check says so.
 */
final class ProxyImages {

    private ProxyImages() {
    }

    /** Pod name to the tag of its proxy container, for the pods that are not being deleted and run one. */
    static SortedMap<String, String> tags(KubernetesClient client, String namespace, String proxyContainer) {
        SortedMap<String, String> tags = new TreeMap<>();
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                BookinfoDeployer.container(pod, proxyContainer)
                        .ifPresent(c -> tags.put(pod.getMetadata().getName(), ControlPlane.tagOf(c.getImage())));
            }
        }
        return tags;
    }

    /**
     * Fails when the proxies followed the control plane's tag before the upgrade but some do not run
     * its new tag after the restart; otherwise returns what it found, for the progress log.
     */
    static String verifyUpgraded(String namespace, String proxyContainer,
                                 Map<String, String> before, Optional<String> controlPlaneBefore,
                                 Map<String, String> after, Optional<String> controlPlaneAfter) throws TargetException {
        if (after.isEmpty()) {
            throw new TargetException("after the restart no pod in " + namespace + " runs " + proxyContainer
                    + ": the mesh's injector did not inject its proxy; check that it runs in the control plane's namespace");
        }
        if (controlPlaneBefore.isEmpty() || controlPlaneAfter.isEmpty()) {
            return "proxy image tags not compared: the control plane's image tag is unknown";
        }
        String from = controlPlaneBefore.get();
        String to = controlPlaneAfter.get();
        if (from.equals(to)) {
            return "the control plane's image tag stayed " + to + ", so the proxies' tag cannot show the upgrade ("
                    + describe(after) + ")";
        }
        if (before.isEmpty() || !before.values().stream().allMatch(from::equals)) {
            return "the proxies ran " + describe(before) + " before the upgrade, not the control plane's " + from
                    + ": their tag does not follow the control plane's, so it cannot show the upgrade";
        }
        Map<String, String> stale = after.entrySet().stream().filter(e -> !to.equals(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        if (!stale.isEmpty()) {
            throw new TargetException("after the restart " + stale.size() + " of " + after.size() + " pods in " + namespace
                    + " still run " + proxyContainer + " at another tag than the upgraded control plane's " + to + ": " + stale
                    + ". The injector still injects the old proxy, or values pin the proxy image.");
        }
        return "all " + after.size() + " " + proxyContainer + " proxies in " + namespace + " moved from " + from + " to " + to;
    }

    private static String describe(Map<String, String> tags) {
        return tags.isEmpty() ? "no proxies" : "tags " + new java.util.TreeSet<>(tags.values());
    }
}
