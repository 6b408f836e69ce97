package io.meshproof.target.linkerd.render;

import io.meshproof.report.Support;
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
import java.util.Set;

/**
 * Renders scenarios to Linkerd: Gateway API HTTPRoutes for routing, timeouts and (by annotation)
 * retries; fault injection emulated by weighted splits to stand-in backends; failure accrual
 * annotations on Services for outlier ejection; the namespace's default inbound policy for STRICT;
 * Server, AuthorizationPolicy, MeshTLSAuthentication and HTTPLocalRateLimitPolicy for server-side policy.
 */
public final class LinkerdRenderer implements MeshRenderer {

    static final String FAULT_NOTE = "Linkerd has no fault injection: emulated as its docs do, by a weighted HTTPRoute split "
            + "to stand-in HAProxy backends that answer with the abort status or wait before passing the request on; "
            + "a fault is a real response of that backend (no proxy flag), and the route's timeout and retries apply to it";
    static final String POOL_NOTE = "Linkerd has no connection-pool limits; it load-sheds with 503";
    static final String DENY_NOTE = "Linkerd has no DENY action";
    static final String STRICT_NOTE = "STRICT as the namespace's default-inbound-policy all-authenticated, read at pod "
            + "creation: the bookinfo pods are restarted to apply it";
    static final String EJECTION_NOTE = "outlier ejection as consecutive failure accrual on the Service: Linkerd has no "
            + "interval and backs the penalty off from baseEjectionTime";

    private final KubeImages images;

    public LinkerdRenderer() {
        this(KubeImages.defaults());
    }

    public LinkerdRenderer(KubeImages images) {
        this.images = images;
    }

    @Override
    public String mesh() {
        return "linkerd";
    }

    @Override
    public FeatureSupport support(Scenario scenario) {
        SupportJudgement judgement = new SupportJudgement();
        for (Feature feature : ScenarioFeatures.of(scenario)) {
            judgement.add(support(feature));
        }
        for (Route route : scenario.mesh().routes()) {
            for (Route.Rule rule : route.rules()) {
                if (rule.retries() == null) {
                    continue;
                }
                List<String> dropped = rule.retries().on().stream().filter(LinkerdRetryConditions.UNMAPPED::contains).toList();
                if (LinkerdRetryConditions.linkerdConditions(rule.retries().on()).isEmpty()) {
                    judgement.add(FeatureSupport.unsupported("Linkerd retries by response status only; it has no retry condition for " + dropped));
                } else if (!dropped.isEmpty()) {
                    judgement.add(new FeatureSupport(Support.native_, "Linkerd retries by response status only; "
                            + dropped + " are left out"));
                }
            }
        }
        SetupInstances.unsupported(scenario).ifPresent(why -> judgement.add(FeatureSupport.unsupported(why)));
        return judgement.result();
    }

    /** Linkerd's support of one feature, as the report's matrix shows it. */
    public static FeatureSupport support(Feature feature) {
        return switch (feature) {
            case FaultDelay, FaultAbort -> FeatureSupport.emulated(FAULT_NOTE);
            case ConnectionPool -> FeatureSupport.unsupported(POOL_NOTE);
            case AuthorizationDeny -> FeatureSupport.unsupported(DENY_NOTE);
            case MutualTLSStrict -> new FeatureSupport(Support.native_, STRICT_NOTE);
            case OutlierEjection -> new FeatureSupport(Support.native_, EJECTION_NOTE);
            default -> FeatureSupport.nativelySupported();
        };
    }

    @Override
    public RenderedState render(Scenario scenario, KubeNames names) {
        List<KubeManifest> manifests = new ArrayList<>(SetupInstances.render(scenario, names, images));
        manifests.addAll(new LinkerdRoutes(names, images).render(scenario.mesh()));
        manifests.addAll(new LinkerdFailureAccrual(names).render(scenario.mesh()));
        manifests.addAll(new LinkerdPolicy(names).render(scenario.mesh()));
        return RenderedFiles.of(manifests);
    }

    @Override
    public Set<String> namespacesToRestart(Scenario scenario, KubeNames names) {
        return LinkerdPolicy.restartsPods(scenario.mesh()) ? Set.of(names.bookinfoNamespace()) : Set.of();
    }
}
