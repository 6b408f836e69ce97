package io.meshproof.report;

import java.util.List;

/**
 * The conformance report of one target (DESIGN.md section 7): a contract that tools and CI read.
 * Written as {@code conformance-report.json} and {@code .yaml} with the same content.
 */
public record ConformanceReport(
        TargetInfo target,
        Summary summary,
        RunInfo run,
        List<ScenarioReport> scenarios) {

    public ConformanceReport {
        scenarios = List.copyOf(scenarios);
    }

    /** A report whose summary is counted from its scenarios. */
    public static ConformanceReport of(TargetInfo target, RunInfo run, List<ScenarioReport> scenarios) {
        return new ConformanceReport(target, Summary.of(scenarios), run, scenarios);
    }
}
