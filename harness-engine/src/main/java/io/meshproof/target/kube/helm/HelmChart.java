package io.meshproof.target.kube.helm;

import java.net.URI;

/**
 * A chart in a Helm repository, pinned to a version: {@code istio/istiod 1.30.3} from
 * {@code https://istio-release.storage.googleapis.com/charts}.
 */
public record HelmChart(String repoName, URI repoUrl, String chart, String version) {

    /** The reference Helm resolves through the repository: {@code istio/istiod}. */
    public String reference() {
        return repoName + "/" + chart;
    }

    @Override
    public String toString() {
        return reference() + " " + version;
    }
}
