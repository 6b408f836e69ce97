package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.meshproof.scenarios.RoutingNegativeControlIT.assertOnlyTheseFail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Negative controls of the resilience family (DESIGN.md section 8): under each mutant exactly the
 * matching checks fail and every other check still passes.
 *
 * <p>Each mutant runs against the scenarios it reaches ({@link MutantReach}: those whose rendering it
 * changes); every other scenario renders byte for byte as without it, so its checks end as in the
 * conformance suite. That keeps these runs to a few minutes. Scenarios that use a fault as their tool
 * (a delayed ratings behind a timeout, an aborting ratings behind retries) are reached by the fault
 * mutants too, and the 504 and retry checks fail under fault-ignored: without the fault there is
 * nothing to time out or retry.
 */
class ResilienceNegativeControlIT {

    private static final String DELAY_JASON = "ratings-delay-jason-2s";
    private static final String DELAY_OTHERS = "ratings-delay-others-fast";
    private static final String ABORT = "ratings-abort-500-half";
    private static final String TIMEOUT = "reviews-timeout-500ms";
    private static final String RETRIES = "productpage-retries-3";
    private static final String POOL_OVERFLOW = "reviews-pool-overflow";
    private static final String POOL_WITHIN = "reviews-pool-within-limits";
    private static final String EJECTION = "ratings-ejection-unavailable";
    private static final String RATE_LIMIT = "ratings-ratelimit-40";
    private static final String LOSS_WITH_RETRIES = "reviews-instance-loss-with-retries";

    private static void assertMutant(String mutant, Set<String> reached, Set<String> failing) {
        assertThat(MutantReach.of(mutant)).as("scenarios whose rendering " + mutant + " changes").isEqualTo(reached);
        assertOnlyTheseFail(MutantRun.run(mutant, String.join(",", reached)), failing);
    }

    @Test
    void faultIgnoredFailsTheFaultChecksAndTheChecksThatNeedAFault() {
        assertMutant("fault-ignored", Set.of(DELAY_JASON, DELAY_OTHERS, ABORT, TIMEOUT, RETRIES), Set.of(
                DELAY_JASON + "/latency", ABORT + "/status 500", ABORT + "/status 200",
                // without the delay reviews answers in time: no 504s, and nothing slow for the latency check to catch
                TIMEOUT + "/status 504", RETRIES + "/status 200"));
    }

    @Test
    void faultUnmatchedDelaysEveryoneAndFailsOnlyTheOthersAreFastCheck() {
        assertMutant("fault-unmatched", Set.of(DELAY_JASON, DELAY_OTHERS, ABORT, TIMEOUT, RETRIES), Set.of(DELAY_OTHERS + "/latency"));
    }

    @Test
    void timeoutIgnoredFailsTheTimeoutChecks() {
        assertMutant("timeout-ignored", Set.of(TIMEOUT), Set.of(TIMEOUT + "/status 504", TIMEOUT + "/latency"));
    }

    @Test
    void retryIgnoredFailsTheRetryChecks() {
        // the chaos scenario leans on retries too: each request gets one try, and the burst of
        // errors that retries absorbed while the lost instance was still listed shows
        assertMutant("retry-ignored", Set.of(RETRIES, LOSS_WITH_RETRIES), Set.of(RETRIES + "/status 200",
                LOSS_WITH_RETRIES + "/status 5xx", LOSS_WITH_RETRIES + "/status 200"));
    }

    @Test
    void poolUnlimitedFailsTheOverflowCheckAndKeepsTheWithinLimitsOne() {
        assertMutant("pool-unlimited", Set.of(POOL_OVERFLOW, POOL_WITHIN), Set.of(POOL_OVERFLOW + "/status 503"));
    }

    @Test
    void poolNoQueueFailsTheWithinLimitsCheckAndKeepsTheOverflowOne() {
        assertMutant("pool-no-queue", Set.of(POOL_OVERFLOW, POOL_WITHIN), Set.of(POOL_WITHIN + "/status 200"));
    }

    @Test
    void ejectionOffFailsTheEjectionCheck() {
        assertMutant("ejection-off", Set.of(EJECTION), Set.of(EJECTION + "/ejected"));
    }

    @Test
    void rateLimitOffFailsTheRateLimitCheck() {
        assertMutant("ratelimit-off", Set.of(RATE_LIMIT), Set.of(RATE_LIMIT + "/status 429"));
    }
}
