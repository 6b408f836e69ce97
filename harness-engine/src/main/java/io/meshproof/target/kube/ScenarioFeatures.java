package io.meshproof.target.kube;

import io.meshproof.scenario.Authorization;
import io.meshproof.scenario.Destination;
import io.meshproof.scenario.Feature;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;
import io.meshproof.scenario.Scenario;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every feature a scenario needs from a mesh: the one it is filed under and each one its mesh
 * state uses (a split scenario with a timeout needs both), so support is judged on all of them.
 */
public final class ScenarioFeatures {

    private ScenarioFeatures() {
    }

    public static Set<Feature> of(Scenario scenario) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        if (scenario.feature() != null) {
            features.add(scenario.feature());
        }
        MeshState mesh = scenario.mesh();
        if (mesh.mtls() == MeshState.MtlsMode.STRICT) {
            features.add(Feature.MutualTLSStrict);
        } else if (mesh.mtls() == MeshState.MtlsMode.PERMISSIVE) {
            features.add(Feature.MutualTLSPermissive);
        }
        for (Route route : mesh.routes()) {
            for (Route.Rule rule : route.rules()) {
                if (rule.backends().size() > 1) {
                    features.add(Feature.TrafficSplit);
                }
                if (rule.match() != null) {
                    features.add(Feature.HeaderRouting);
                }
                if (rule.timeout() != null) {
                    features.add(Feature.RequestTimeout);
                }
                if (rule.retries() != null) {
                    features.add(Feature.Retries);
                }
                if (rule.fault() != null && rule.fault().delay() != null) {
                    features.add(Feature.FaultDelay);
                }
                if (rule.fault() != null && rule.fault().abort() != null) {
                    features.add(Feature.FaultAbort);
                }
            }
        }
        for (Destination destination : mesh.destinations()) {
            if (destination.connectionPool() != null) {
                features.add(Feature.ConnectionPool);
            }
            if (destination.outlierDetection() != null) {
                features.add(Feature.OutlierEjection);
            }
        }
        for (Authorization authorization : mesh.authorization()) {
            features.add(authorization.action() == Authorization.Action.DENY ? Feature.AuthorizationDeny : Feature.AuthorizationAllow);
        }
        if (!mesh.rateLimits().isEmpty()) {
            features.add(Feature.RateLimit);
        }
        return features;
    }
}
