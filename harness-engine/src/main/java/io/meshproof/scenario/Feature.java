package io.meshproof.scenario;

/** The feature catalog of DESIGN.md section 4: the rows of the conformance report. */
public enum Feature {
    TrafficSplit(Profile.core),
    HeaderRouting(Profile.core),
    FaultDelay(Profile.extended),
    FaultAbort(Profile.extended),
    RequestTimeout(Profile.extended),
    Retries(Profile.extended),
    ConnectionPool(Profile.extended),
    OutlierEjection(Profile.extended),
    MutualTLSStrict(Profile.extended),
    MutualTLSPermissive(Profile.extended),
    AuthorizationAllow(Profile.extended),
    AuthorizationDeny(Profile.extended),
    RateLimit(Profile.extended),
    InstanceLoss(Profile.resilience),
    ControlPlaneOutage(Profile.resilience),
    MeshUpgrade(Profile.resilience);

    private final Profile profile;

    Feature(Profile profile) {
        this.profile = profile;
    }

    public Profile profile() {
        return profile;
    }

    /** Profiles group features: core (routing, split), extended (resilience and security), resilience (chaos). */
    public enum Profile { core, extended, resilience }
}
