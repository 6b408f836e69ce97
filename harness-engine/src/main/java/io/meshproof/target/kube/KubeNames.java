package io.meshproof.target.kube;

/**
 * Where things live in the cluster: the namespace bookinfo runs in, the one for the harness's own
 * client pods (tester, outsider), and the mesh's control-plane namespace.
 */
public record KubeNames(String bookinfoNamespace, String clientNamespace, String meshNamespace) {

    public static KubeNames istioDefaults() {
        return new KubeNames("bookinfo", "meshproof-clients", "istio-system");
    }

    public static KubeNames linkerdDefaults() {
        return new KubeNames("bookinfo", "meshproof-clients", "linkerd");
    }
}
