package io.meshproof.target.linkerd;

import io.meshproof.target.kube.GatewayApiCrds;

import java.time.Duration;
import java.util.Map;

/**
 * How to install Linkerd.
 *
 * @param version          edge chart version of {@code linkerd-crds} and {@code linkerd-control-plane}
 *                         ({@code mesh.linkerd.version}; {@code 2026.6.3} is edge-26.6.3 = Linkerd 2.20)
 * @param extraValues      values merged over the harness's control-plane values ({@code mesh.linkerd.values}, a YAML file)
 * @param identityValidity how long the generated trust anchor and issuer are valid
 * @param timeout          how long Helm and the control plane may take
 */
public record LinkerdOptions(String version, Map<String, Object> extraValues, Duration identityValidity, Duration timeout) {

    public static final String DEFAULT_VERSION = "2026.6.3";

    public LinkerdOptions {
        extraValues = extraValues == null ? Map.of() : Map.copyOf(extraValues);
    }

    public static LinkerdOptions defaults() {
        return new LinkerdOptions(DEFAULT_VERSION, Map.of(), Duration.ofDays(30), Duration.ofMinutes(5));
    }

    /** Gateway API bundled by linkerd-crds when the cluster has none (2.20 accepts 1.2.1 to 1.5.1). */
    public static String bundledGatewayApiNote() {
        return "linkerd-crds installGatewayAPI=true (compatible with " + GatewayApiCrds.DEFAULT_VERSION + " and older)";
    }
}
