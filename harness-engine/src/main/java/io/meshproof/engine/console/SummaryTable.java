package io.meshproof.engine.console;

import io.meshproof.report.CheckReport;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.Result;
import io.meshproof.report.ScenarioReport;
import io.meshproof.target.Progress;

import java.util.Locale;

/** The table printed at the end of a target: one line per scenario, then the failed checks' reasons. */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static void print(ConformanceReport report, Progress out) {
        out.line(String.format(Locale.ROOT, "%s (%s): %d passed, %d failed, %d skipped, %d unsupported",
                report.target().name(), report.target().version(), report.summary().passed(), report.summary().failed(),
                report.summary().skipped(), report.summary().unsupported()));
        out.line(String.format(Locale.ROOT, "  %-11s %-34s %-20s %9s %12s %10s", "RESULT", "SCENARIO", "FEATURE", "REQUESTS",
                "CONVERGENCE", "DURATION"));
        for (ScenarioReport s : report.scenarios()) {
            out.line(String.format(Locale.ROOT, "  %-11s %-34s %-20s %9d %12s %9.1fs", s.result(), s.id(),
                    s.feature() == null ? "-" : s.feature(), s.requests(),
                    s.convergenceMs() == null ? "-" : s.convergenceMs() + " ms", s.durationMs() / 1000.0));
        }
        for (ScenarioReport s : report.scenarios()) {
            for (CheckReport c : s.checks()) {
                if (c.result() == Result.failed) {
                    out.line("  FAILED " + s.id() + " / " + c.name() + ": " + c.message());
                }
            }
            if (s.result() == Result.failed && s.reason() != null && s.checks().stream().noneMatch(c -> c.result() == Result.failed)) {
                out.line("  FAILED " + s.id() + ": " + s.reason());
            }
        }
    }
}
