package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;

import java.util.Set;

/**
 * Negative controls of the chaos family: a control plane that never notices a lost instance fails
 * instance loss. Instance loss without retries is the retry mutant's control, in
 * {@link ResilienceNegativeControlIT#retryIgnoredFailsTheRetryChecks()}.
 */
class ChaosNegativeControlIT {

    @Test
    void frozenEndpointsFailInstanceLossAndNothingElse() {
        // every other request keeps going to the dead instance: errors never stop and far exceed 5%
        RoutingNegativeControlIT.assertOnlyTheseFail(MutantRun.run("endpoints-frozen", "reviews-instance-loss,ControlPlaneOutage"), Set.of(
                "reviews-instance-loss/status 200", "reviews-instance-loss/ejected"));
    }
}
