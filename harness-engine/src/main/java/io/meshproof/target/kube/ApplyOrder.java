package io.meshproof.target.kube;

/** Where a kind of object goes in the apply order: what others refer to comes first. */
public enum ApplyOrder {
    /** Changes to the bookinfo namespace itself (Linkerd's default inbound policy). */
    NAMESPACE(5),
    /** Extra workloads: setup instances, fault injectors, their ConfigMaps and Services. */
    WORKLOADS(10),
    /** Annotations on existing Services (Linkerd failure accrual). */
    SERVICE_PATCHES(15),
    /** What routes and policies refer to: DestinationRules (subsets), Linkerd Servers and authentications. */
    TARGETS(20),
    /** Routing: VirtualServices, HTTPRoutes. */
    ROUTES(30),
    /** Security: PeerAuthentication, AuthorizationPolicies. */
    SECURITY(40),
    /** Rate limits: EnvoyFilters, HTTPLocalRateLimitPolicies. */
    RATE_LIMITS(50);

    private final int rank;

    ApplyOrder(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
