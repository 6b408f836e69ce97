package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.meshproof.scenarios.RoutingNegativeControlIT.assertOnlyTheseFail;

/**
 * Negative controls of the security family (DESIGN.md section 8): under each mutant exactly the
 * matching checks fail and every other check still passes.
 */
class SecurityNegativeControlIT {

    private static final String FAMILY = "MutualTLSStrict,MutualTLSPermissive,AuthorizationAllow,AuthorizationDeny";

    @Test
    void mtlsPermissiveLetsTheOutsiderInAndFailsOnlyTheStrictRejection() {
        // plaintext is served: the refusal never shows (convergence) and nothing is rejected
        assertOnlyTheseFail(MutantRun.run("mtls-permissive", FAMILY), Set.of(
                "mtls-strict-rejects-outsider/convergence", "mtls-strict-rejects-outsider/rejected"));
    }

    @Test
    void authzAllowAllFailsEveryRefusalByPolicyAndNothingElse() {
        assertOnlyTheseFail(MutantRun.run("authz-allow-all", FAMILY), Set.of(
                "ratings-deny-all/convergence", "ratings-deny-all/rejected", "ratings-deny-all/status 403",
                "ratings-deny-path/convergence", "ratings-deny-path/rejected",
                "reviews-allow-get-denies-post/convergence", "reviews-allow-get-denies-post/rejected",
                "reviews-allow-productpage-denies-tester/convergence", "reviews-allow-productpage-denies-tester/rejected"));
    }
}
