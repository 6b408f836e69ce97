package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;

import java.util.Set;

/** Negative controls of the chaos family: a control plane that never notices a lost instance, and no retries, fail instance loss. */
class ChaosNegativeControlIT {

    @Test
    void frozenEndpointsFailInstanceLossAndNothingElse() {
        // every other request keeps going to the dead instance: errors never stop and far exceed 5%
        RoutingNegativeControlIT.assertOnlyTheseFail(MutantRun.run("endpoints-frozen", "reviews-instance-loss,ControlPlaneOutage"), Set.of(
                "reviews-instance-loss/status 200", "reviews-instance-loss/ejected"));
    }

    @Test
    void withoutRetriesTheLostInstanceCostsRequests() {
        // the same loss, but each request gets one try: the burst of errors that retries absorbed shows
        RoutingNegativeControlIT.assertOnlyTheseFail(MutantRun.run("retry-ignored-chaos", "reviews-instance-loss-with-retries",
                java.util.Map.of("mesh.local.mutant", "retry-ignored")), Set.of(
                "reviews-instance-loss-with-retries/status 5xx", "reviews-instance-loss-with-retries/status 200"));
    }
}
