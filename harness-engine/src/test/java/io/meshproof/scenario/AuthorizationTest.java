package io.meshproof.scenario;

import io.meshproof.scenario.Authorization.Action;
import io.meshproof.scenario.Authorization.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio's authorization semantics, as the probe derivation reads them. */
class AuthorizationTest {

    private static final Rule PRODUCTPAGE_GETS_REVIEWS = new Rule(List.of("productpage"), List.of("GET"), List.of("/reviews/*"));

    @Test
    void aRuleMatchesCallerMethodAndPathTogether() {
        assertThat(PRODUCTPAGE_GETS_REVIEWS.matches("productpage", "GET", "/reviews/0")).isTrue();
        assertThat(PRODUCTPAGE_GETS_REVIEWS.matches("productpage", "GET", "/reviews/0?x=1")).isTrue();
        assertThat(PRODUCTPAGE_GETS_REVIEWS.matches("tester", "GET", "/reviews/0")).isFalse();
        assertThat(PRODUCTPAGE_GETS_REVIEWS.matches("productpage", "POST", "/reviews/0")).isFalse();
        assertThat(PRODUCTPAGE_GETS_REVIEWS.matches("productpage", "GET", "/reviews")).isFalse();
        assertThat(PRODUCTPAGE_GETS_REVIEWS.matches(null, "GET", "/reviews/0")).as("plaintext has no identity").isFalse();
        assertThat(new Rule(null, null, List.of("/ratings/0")).matches(null, "GET", "/ratings/0")).isTrue();
        assertThat(new Rule(null, null, List.of("/ratings/0")).matches(null, "GET", "/ratings/01")).as("exact").isFalse();
        assertThat(new Rule(null, null, null).matches(null, "DELETE", "/anything")).as("an empty rule matches all").isTrue();
    }

    @Test
    void denyFirstThenAllowAndAnAllowPolicyRefusesTheRest() {
        List<Authorization> policies = List.of(
                new Authorization("reviews", Action.ALLOW, List.of(PRODUCTPAGE_GETS_REVIEWS)),
                new Authorization("reviews", Action.DENY, List.of(new Rule(null, null, List.of("/reviews/1")))));
        assertThat(Authorization.refuses(policies, "reviews", "productpage", "GET", "/reviews/0")).isFalse();
        assertThat(Authorization.refuses(policies, "reviews", "productpage", "GET", "/reviews/1")).as("DENY first").isTrue();
        assertThat(Authorization.refuses(policies, "reviews", "tester", "GET", "/reviews/0")).as("not allowed").isTrue();
        assertThat(Authorization.refuses(policies, "ratings", "tester", "GET", "/ratings/0")).as("no policy on ratings").isFalse();
    }

    @Test
    void anAllowWithoutRulesAllowsNothingAndADenyWithoutRulesDeniesNothing() {
        assertThat(Authorization.refuses(List.of(new Authorization("ratings", Action.ALLOW, List.of())), "ratings", "reviews", "GET", "/ratings/0"))
                .isTrue();
        assertThat(Authorization.refuses(List.of(new Authorization("ratings", Action.DENY, List.of())), "ratings", "reviews", "GET", "/ratings/0"))
                .isFalse();
    }
}
