package io.meshproof.target.istio;

import io.meshproof.target.kube.GatewayApiCrds;

import java.time.Duration;
import java.util.Map;

/**
 * How to install Istio.
 *
 * @param version          chart version of {@code istio/base} and {@code istio/istiod} ({@code mesh.istio.version})
 * @param gatewayApi       Gateway API CRDs version installed when absent ({@code mesh.gatewayApi.version})
 * @param gatewayChannel   {@code standard} or {@code experimental} ({@code mesh.gatewayApi.channel})
 * @param extraValues      values merged over the harness's istiod values ({@code mesh.istio.values}, a YAML file)
 * @param timeout          how long Helm and the control plane may take
 */
public record IstioOptions(String version, String gatewayApi, String gatewayChannel, Map<String, Object> extraValues, Duration timeout) {

    public static final String DEFAULT_VERSION = "1.30.3";

    public IstioOptions {
        extraValues = extraValues == null ? Map.of() : Map.copyOf(extraValues);
    }

    public static IstioOptions defaults() {
        return new IstioOptions(DEFAULT_VERSION, GatewayApiCrds.DEFAULT_VERSION, "standard", Map.of(), Duration.ofMinutes(5));
    }
}
