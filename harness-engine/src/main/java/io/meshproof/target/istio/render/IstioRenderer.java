package io.meshproof.target.istio.render;

import io.meshproof.scenario.Destination;
import io.meshproof.scenario.Feature;
import io.meshproof.scenario.Route;
import io.meshproof.scenario.Scenario;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.RenderedState;
import io.meshproof.target.kube.KubeImages;
import io.meshproof.target.kube.KubeManifest;
import io.meshproof.target.kube.KubeNames;
import io.meshproof.target.kube.MeshRenderer;
import io.meshproof.target.kube.RenderedFiles;
import io.meshproof.target.kube.ScenarioFeatures;
import io.meshproof.target.kube.SetupInstances;
import io.meshproof.target.kube.SupportJudgement;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders scenarios to Istio's own APIs: VirtualService and DestinationRule (routing, faults,
 * timeouts, retries, connection pools, outlier detection), PeerAuthentication, AuthorizationPolicy,
 * and an EnvoyFilter for local rate limits; extra instances as Deployments.
 */
public final class IstioRenderer implements MeshRenderer {

    static final String RATE_LIMIT_NOTE = "rate limit via EnvoyFilter: Envoy's local_ratelimit filter patched into the "
            + "inbound sidecar listener; Istio has no rate-limit API of its own, and the patch depends on Envoy's "
            + "configuration structure";
    static final String FAULT_NOTE = "Istio applies neither the route's timeout nor its retries to a route with a fault";

    private final KubeImages images;

    public IstioRenderer() {
        this(KubeImages.defaults());
    }

    public IstioRenderer(KubeImages images) {
        this.images = images;
    }

    @Override
    public String mesh() {
        return "istio";
    }

    @Override
    public FeatureSupport support(Scenario scenario) {
        SupportJudgement judgement = new SupportJudgement();
        for (Feature feature : ScenarioFeatures.of(scenario)) {
            judgement.add(support(feature));
        }
        for (Destination destination : scenario.mesh().destinations()) {
            Destination.ConnectionPool pool = destination.connectionPool();
            if (pool != null && pool.maxPendingRequests() != null && pool.maxPendingRequests() == 0) {
                judgement.add(FeatureSupport.unsupported("Istio reads http1MaxPendingRequests: 0 as unset (no limit), "
                        + "so it cannot refuse every queued request for " + destination.service() + "; the closest is 1"));
            }
        }
        for (Route route : scenario.mesh().routes()) {
            for (Route.Rule rule : route.rules()) {
                if (rule.fault() != null && (rule.timeout() != null || rule.retries() != null)) {
                    judgement.add(new FeatureSupport(io.meshproof.report.Support.native_, FAULT_NOTE));
                }
            }
        }
        SetupInstances.unsupported(scenario).ifPresent(why -> judgement.add(FeatureSupport.unsupported(why)));
        return judgement.result();
    }

    /** Istio's support of one feature, as the report's matrix shows it. */
    public static FeatureSupport support(Feature feature) {
        if (feature == Feature.RateLimit) {
            return new FeatureSupport(io.meshproof.report.Support.native_, RATE_LIMIT_NOTE);
        }
        return FeatureSupport.nativelySupported();
    }

    @Override
    public RenderedState render(Scenario scenario, KubeNames names) {
        List<KubeManifest> manifests = new ArrayList<>(SetupInstances.render(scenario, names, images));
        manifests.addAll(new IstioTraffic(names).render(scenario.mesh()));
        manifests.addAll(new IstioSecurity(names).render(scenario.mesh()));
        manifests.addAll(new IstioRateLimits(names).render(scenario.mesh().rateLimits()));
        return RenderedFiles.of(manifests);
    }
}
