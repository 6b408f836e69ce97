package io.meshproof.report;

import java.util.List;

/**
 * The feature catalog of DESIGN.md section 4 in its order: the rows of the matrix. The reports
 * module knows nothing of the engine, so the order is held here as names; the engine's
 * {@code Feature} enum must list the same names in the same order.
 */
public final class FeatureCatalog {

    public static final List<String> ORDER = List.of(
            "TrafficSplit", "HeaderRouting", "FaultDelay", "FaultAbort", "RequestTimeout", "Retries",
            "ConnectionPool", "OutlierEjection", "MutualTLSStrict", "MutualTLSPermissive",
            "AuthorizationAllow", "AuthorizationDeny", "RateLimit",
            "InstanceLoss", "ControlPlaneOutage", "MeshUpgrade");

    private FeatureCatalog() {}
}
