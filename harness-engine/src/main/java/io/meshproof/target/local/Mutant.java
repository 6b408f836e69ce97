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
