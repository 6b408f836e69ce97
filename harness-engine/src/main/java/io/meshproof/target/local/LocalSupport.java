package io.meshproof.target.local;

import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;
import io.meshproof.scenario.Scenario;
import io.meshproof.target.FeatureSupport;

import java.util.ArrayList;
import java.util.List;

/** What the local target renders natively; anything else is reported unsupported, never faked. */
final class LocalSupport {

    private LocalSupport() {
    }

    static FeatureSupport of(Scenario scenario) {
        List<String> missing = new ArrayList<>();
        MeshState mesh = scenario.mesh();
        for (Route route : mesh.routes()) {
            for (Route.Rule rule : route.rules()) {
                if (rule.retries() != null && !RetryConditions.expressible(rule.retries().on())) {
                    missing.add("retries on retriable-4xx (Envoy's 409; HAProxy's retry-on has no 409)");
                }
            }
        }
        if (missing.isEmpty()) {
            return FeatureSupport.nativelySupported();
        }
        return FeatureSupport.unsupported("the local target does not render " + String.join(", ", missing.stream().distinct().toList()) + " yet");
    }
}
