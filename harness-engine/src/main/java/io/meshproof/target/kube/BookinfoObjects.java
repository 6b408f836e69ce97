package io.meshproof.target.kube;

import io.meshproof.bookinfo.BookinfoCatalog;

import java.util.Map;

/**
 * Names of the objects stock bookinfo has in the cluster, as Istio's {@code bookinfo.yaml} and
 * {@code bookinfo-versions.yaml} create them: Services {@code reviews} and per-version
 * {@code reviews-v1}, pods labelled {@code app}/{@code version}, all on port 9080.
 */
public final class BookinfoObjects {

    public static final int PORT = BookinfoCatalog.SERVICE_PORT;

    private BookinfoObjects() {
    }

    /** The fully qualified host of a service, so that routes mean the same whatever namespace the client is in. */
    public static String host(String service, KubeNames names) {
        return service + "." + names.bookinfoNamespace() + ".svc.cluster.local";
    }

    /** The per-version Service of {@code bookinfo-versions.yaml}: {@code reviews-v2}. */
    public static String versionService(String service, String version) {
        return service + "-" + version;
    }

    /** The labels every pod of a service has. */
    public static Map<String, Object> appLabels(String service) {
        return ManifestYaml.map("app", service);
    }
}
