package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade gate on the local target, end to end: the suite on one data-plane version, the
 * upgrade under load, the suite on the next, the diff. Upgrading to a planted regression (a mutant)
 * must fail the gate; upgrading to an equal version must pass it.
 */
class UpgradeGateNegativeControlIT {

    private static final String SCENARIOS = "reviews-all-v1,reviews-canary-90-10";

    @Test
    void aPlantedRegressionFailsTheGate() throws IOException {
        Map<String, Status> verdicts = MutantRun.run("upgrade-regression", SCENARIOS, Map.of(
                "mesh.upgrade.from", "haproxy", "mesh.upgrade.to", "haproxy+split-skew", "mesh.upgrade.load", "15s"));
        assertThat(verdicts).containsEntry("from:reviews-canary-90-10/split", Status.SUCCESSFUL)
                .containsEntry("to:reviews-canary-90-10/split", Status.FAILED)
                .containsEntry("to:reviews-all-v1/split", Status.SUCCESSFUL)
                .containsEntry("upgrade:under-load", Status.SUCCESSFUL)
                .containsEntry("upgrade:verdict", Status.FAILED);
        String diff = Files.readString(Path.of("target/negative-controls/upgrade-regression/upgrade/diff.md"));
        assertThat(diff).contains("reviews-canary-90-10").containsIgnoringCase("regression");
    }

    @Test
    void anUpgradeToAnEqualVersionPassesTheGate() {
        Map<String, Status> verdicts = MutantRun.run("upgrade-equal", "reviews-all-v1", Map.of(
                "mesh.upgrade.from", "haproxy", "mesh.upgrade.to", "haproxy", "mesh.upgrade.load", "15s"));
        assertThat(verdicts).containsEntry("upgrade:under-load", Status.SUCCESSFUL).containsEntry("upgrade:verdict", Status.SUCCESSFUL);
        verdicts.forEach((name, status) -> assertThat(status).as(name).isEqualTo(Status.SUCCESSFUL));
    }
}
