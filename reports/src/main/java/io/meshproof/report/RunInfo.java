package io.meshproof.report;

import java.util.Map;

/**
 * How the run was made, so a reader can check the arithmetic and reproduce it.
 *
 * @param startedAt        ISO-8601 start time
 * @param durationMs       wall time of the whole target
 * @param falseFailureBudget the suite's false-failure budget (1e-3), split across {@code checks}
 * @param missedViolation  the missed-violation rate per check (1e-3 by default)
 * @param checks           how many checks share the budget
 * @param configuration    the mesh.* configuration parameters of the run
 */
public record RunInfo(
        String startedAt,
        long durationMs,
        double falseFailureBudget,
        double missedViolation,
        int checks,
        String budgetSplit,
        Map<String, String> configuration) {

    public RunInfo {
        configuration = configuration == null ? Map.of() : Map.copyOf(configuration);
    }
}
