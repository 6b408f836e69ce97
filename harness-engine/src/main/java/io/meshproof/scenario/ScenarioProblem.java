package io.meshproof.scenario;

import java.nio.file.Path;

/** What is wrong in a scenario file, where, and how to fix it. */
public record ScenarioProblem(Path file, int line, String what, String fix) {

    /** {@code reviews-canary.yaml:12: weights add up to 95, not 100. Fix: ...} */
    public String describe() {
        return file + ":" + line + ": " + what + (fix == null || fix.isBlank() ? "" : "\n    how to fix: " + fix);
    }
}
