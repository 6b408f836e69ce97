package io.meshproof.target.local;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Negative controls (DESIGN.md section 8): each mutant breaks one behaviour of the local target on
 * purpose, so the project's tests can prove that the matching checks fail. Chosen with
 * {@code -Dmesh.local.mutant=NAME}.
 */
public enum Mutant {
    /** Every split shifted 10 points toward its first backend. */
    SPLIT_SKEW("split-skew"),
    /** Header matches dropped: rules with a match never apply. */
    HEADER_IGNORED("header-ignored"),
    /** The control plane never notices a lost instance: sidecars keep sending to it, nothing replaces it. */
    ENDPOINTS_FROZEN("endpoints-frozen"),
    /** Fault delays and aborts not injected. */
    FAULT_IGNORED("fault-ignored"),
    /** Route timeouts not applied: a request waits as long as the upstream takes. */
    TIMEOUT_IGNORED("timeout-ignored"),
    /** Route retries not applied: every request gets one try. */
    RETRY_IGNORED("retry-ignored"),
    /** Connection-pool limits not applied: no request waits or overflows. */
    POOL_UNLIMITED("pool-unlimited"),
    /** Outlier detection off: a failing instance stays in rotation. */
    EJECTION_OFF("ejection-off"),
    /** Rate limits not applied. */
    RATELIMIT_OFF("ratelimit-off"),
    /** A rule's faults hit every request of its route, whatever rule the request matched. */
    FAULT_UNMATCHED("fault-unmatched"),
    /** maxPendingRequests read as 0: a request that finds every connection busy overflows instead of waiting. */
    POOL_NO_QUEUE("pool-no-queue"),
    /** STRICT mTLS rendered as PERMISSIVE: plaintext callers are served. */
    MTLS_PERMISSIVE("mtls-permissive"),
    /** Authorization policies dropped: every request is allowed. */
    AUTHZ_ALLOW_ALL("authz-allow-all");

    private final String id;

    Mutant(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Mutant parse(String id) {
        for (Mutant m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mesh.local.mutant '" + id + "': use one of "
                + Arrays.stream(values()).map(Mutant::id).collect(Collectors.joining(", ")));
    }
}
