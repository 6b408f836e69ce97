package io.meshproof.target;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressStepTest {

    @Test
    void aStepThatEndsNormallySaysItIsDone() {
        List<String> lines = new ArrayList<>();
        Progress progress = lines::add;
        try (Progress.Step step = progress.step("installing istio")) {
            assertThat(step).isNotNull();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("installing istio ...");
        assertThat(lines.get(1)).matches("installing istio done in \\d+\\.\\d s");
    }

    @Test
    void aFailedStepNeverClaimsToBeDone() {
        List<String> lines = new ArrayList<>();
        Progress progress = lines::add;
        try (Progress.Step step = progress.step("starting target istio")) {
            step.failed();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).matches("starting target istio failed after \\d+\\.\\d s");
    }
}
