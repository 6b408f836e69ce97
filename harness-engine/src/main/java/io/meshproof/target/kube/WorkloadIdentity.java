package io.meshproof.target.kube;

import io.meshproof.bookinfo.BookinfoCatalog;

/**
 * The identity a workload named in an authorization rule has in the cluster. Every meshed caller
 * lives in the bookinfo namespace: bookinfo's own workloads with their {@code bookinfo-<name>}
 * service accounts, and the harness's meshed client {@code tester} (and an {@code ingress} workload,
 * if one is deployed) with a service account of their own name, as {@link BookinfoCatalog#serviceAccount}
 * says. The non-meshed {@code outsider} lives in {@link KubeNames#clientNamespace()} and has no identity.
 */
public record WorkloadIdentity(String namespace, String serviceAccount) {

    public static WorkloadIdentity of(String workload, KubeNames names) {
        return new WorkloadIdentity(names.bookinfoNamespace(), BookinfoCatalog.serviceAccount(workload));
    }

    /** Istio's principal: {@code cluster.local/ns/bookinfo/sa/bookinfo-productpage}. */
    public String istioPrincipal() {
        return "cluster.local/ns/" + namespace + "/sa/" + serviceAccount;
    }

    /** Linkerd's identity: {@code bookinfo-productpage.bookinfo.serviceaccount.identity.linkerd.cluster.local}. */
    public String linkerdIdentity() {
        return serviceAccount + "." + namespace + ".serviceaccount.identity.linkerd.cluster.local";
    }
}
