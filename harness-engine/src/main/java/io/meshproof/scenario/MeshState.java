package io.meshproof.scenario;

import java.util.List;

/** The desired mesh state of a scenario: what a target renders into its own resources. */
public record MeshState(
        MtlsMode mtls,
        List<Route> routes,
        List<Destination> destinations,
        List<Authorization> authorization,
        List<RateLimit> rateLimits) {

    public static final MeshState EMPTY = new MeshState(null, List.of(), List.of(), List.of(), List.of());

    public MeshState {
        routes = routes == null ? List.of() : List.copyOf(routes);
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
        authorization = authorization == null ? List.of() : List.copyOf(authorization);
        rateLimits = rateLimits == null ? List.of() : List.copyOf(rateLimits);
    }

    public enum MtlsMode { STRICT, PERMISSIVE }
}
