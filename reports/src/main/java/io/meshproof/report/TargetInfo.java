package io.meshproof.report;

/**
 * What was tested: {@code local} with {@code HAProxy 2.6.12}, or {@code istio} {@code 1.30.3} on a cluster.
 *
 * @param cluster null for the local target, else {@code k3s rancher/k3s:v1.33.4-k3s1} or {@code kubeconfig ctx}
 */
public record TargetInfo(String name, String version, String cluster) {}
