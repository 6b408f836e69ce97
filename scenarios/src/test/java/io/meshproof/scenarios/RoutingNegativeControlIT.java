package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Negative controls of the routing family (DESIGN.md section 8): under each mutant exactly the
 * matching checks fail and every other check still passes.
 */
class RoutingNegativeControlIT {

    private static final String FAMILY = "TrafficSplit,HeaderRouting";

    @Test
    void splitSkewFailsTheSplitChecksOfRealSplitsAndNothingElse() {
        assertOnlyTheseFail(MutantRun.run("split-skew", FAMILY), Set.of(
                "reviews-canary-90-10/split", "reviews-split-50-50-v1-v3/split", "reviews-split-three-way/split"));
    }

    @Test
    void headerIgnoredFailsJasonsRoutingAndNothingElse() {
        // jason's requests now land on v1: the new state never shows (convergence) and the split is wrong
        assertOnlyTheseFail(MutantRun.run("header-ignored", FAMILY), Set.of(
                "reviews-header-jason-v2/convergence", "reviews-header-jason-v2/split"));
    }

    static void assertOnlyTheseFail(Map<String, Status> verdicts, Set<String> expectedFailures) {
        Map<String, Status> checks = new TreeMap<>();
        verdicts.forEach((name, status) -> {
            if (name.contains("/")) {
                checks.put(name, status);
            }
        });
        assertThat(checks).as("checks run").isNotEmpty().containsKeys(expectedFailures.toArray(String[]::new));
        checks.forEach((check, status) -> assertThat(status)
                .as(check + (expectedFailures.contains(check) ? " must fail under the mutant" : " must still pass"))
                .isEqualTo(expectedFailures.contains(check) ? Status.FAILED : Status.SUCCESSFUL));
        assertThat(verdicts.get("target:local")).as("the target itself").isEqualTo(Status.SUCCESSFUL);
    }
}
