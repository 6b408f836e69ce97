package io.meshproof.target.kube;

/**
 * Container images the renderers put in extra workloads: Istio's bookinfo images
 * ({@code <hub>/examples-bookinfo-ratings-v1:1.20.3}) and HAProxy for error-injecting and slow backends.
 */
public record KubeImages(String bookinfoHub, String bookinfoTag, String haproxy) {

    /** Istio moved the bookinfo images to this hub with 1.30 (the Docker Hub copies stop at 1.29). */
    public static final String DEFAULT_BOOKINFO_HUB = "registry.istio.io/release";
    public static final String DEFAULT_BOOKINFO_TAG = "1.20.3";
    /** The official image is built with Lua, which the delay action needs. */
    public static final String DEFAULT_HAPROXY = "docker.io/library/haproxy:3.2";

    public static KubeImages defaults() {
        return new KubeImages(DEFAULT_BOOKINFO_HUB, DEFAULT_BOOKINFO_TAG, DEFAULT_HAPROXY);
    }

    public KubeImages withBookinfoHub(String hub) {
        return new KubeImages(hub, bookinfoTag, haproxy);
    }

    /** {@code registry.istio.io/release/examples-bookinfo-reviews-v2:1.20.3}. */
    public String bookinfo(String service, String version) {
        return bookinfoHub + "/examples-bookinfo-" + service + "-" + version + ":" + bookinfoTag;
    }
}
