package io.meshproof.report.diff;

import io.meshproof.report.CheckReport;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.ReportMapper;
import io.meshproof.report.Result;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Summary;
import io.meshproof.report.TargetInfo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two reports of the same suite compared: the upgrade gate's verdict. A regression is a scenario
 * or a check that passed in the base and does not pass in the head (failed, skipped, unsupported,
 * or missing); a fix the reverse of a failure. Figures (convergence time, requests, durations,
 * latency percentiles) are listed when they moved by at least {@code minRelativeChange}.
 *
 * @param regressions  what passed in base and does not in head; non-empty means exit status 1
 * @param fixes        what failed in base and passes in head
 * @param otherChanges other result changes (new scenarios, failed to skipped, support level changed)
 * @param figures      figures that moved by at least {@code minRelativeChange}, or appeared or vanished
 */
@JsonPropertyOrder({"base", "head", "verdict", "exitStatus", "regressions", "fixes", "otherChanges", "figures",
        "minRelativeChange"})
public record ReportDiff(
        Side base,
        Side head,
        List<Change> regressions,
        List<Change> fixes,
        List<Change> otherChanges,
        List<FigureChange> figures,
        double minRelativeChange) {

    public static final double DEFAULT_MIN_RELATIVE_CHANGE = 0.10;

    public ReportDiff {
        regressions = List.copyOf(regressions);
        fixes = List.copyOf(fixes);
        otherChanges = List.copyOf(otherChanges);
        figures = List.copyOf(figures);
    }

    /** One report's target and counts. */
    public record Side(TargetInfo target, Summary summary) {}

    /**
     * A result that changed.
     *
     * @param check  null for the scenario itself, else the check ({@code kind · name}, {@code #2} when repeated)
     * @param base   null when absent in the base
     * @param head   null when absent in the head
     * @param detail what a reader needs to see why: the head's failure message or reason
     */
    public record Change(String scenario, String check, Result base, Result head, String detail) {}

    /**
     * A figure that moved.
     *
     * @param scenario       null for the run as a whole
     * @param relativeChange (head - base) / base; null when either is missing or the base is 0
     */
    public record FigureChange(String scenario, String figure, Double base, Double head, Double relativeChange) {}

    public static ReportDiff of(ConformanceReport base, ConformanceReport head) {
        return of(base, head, DEFAULT_MIN_RELATIVE_CHANGE);
    }

    public static ReportDiff of(ConformanceReport base, ConformanceReport head, double minRelativeChange) {
        Map<String, ScenarioReport> before = byId(base);
        Map<String, ScenarioReport> after = byId(head);
        Set<String> ids = new LinkedHashSet<>(before.keySet());
        ids.addAll(after.keySet());

        List<Change> regressions = new ArrayList<>();
        List<Change> fixes = new ArrayList<>();
        List<Change> other = new ArrayList<>();
        List<FigureChange> figures = new ArrayList<>();
        for (String id : ids) {
            ScenarioReport b = before.get(id);
            ScenarioReport h = after.get(id);
            Result rb = b == null ? null : b.result();
            Result rh = h == null ? null : h.result();
            Change scenario = new Change(id, null, rb, rh, h == null ? "missing in head" : why(h));
            if (rb == Result.passed && rh != Result.passed) {
                regressions.add(scenario);
            } else if (rb == Result.failed && rh == Result.passed) {
                fixes.add(new Change(id, null, rb, rh, null));
            } else if (rb != rh) {
                other.add(scenario);
            }
            if (b != null && h != null) {
                if (b.support() != h.support()) {
                    other.add(new Change(id, null, rb, rh, "support " + b.support() + " → " + h.support()));
                }
                compareChecks(id, b, h, regressions, fixes);
                compareFigures(id, b, h, minRelativeChange, figures);
            }
        }
        if (base.run() != null && head.run() != null) {
            figure(null, "durationMs", (double) base.run().durationMs(), (double) head.run().durationMs(),
                    minRelativeChange, figures);
        }
        return new ReportDiff(new Side(base.target(), base.summary()), new Side(head.target(), head.summary()),
                regressions, fixes, other, figures, minRelativeChange);
    }

    public boolean hasRegressions() {
        return !regressions.isEmpty();
    }

    /** 1 when something regressed, else 0: the upgrade gate's process exit status. */
    @JsonProperty
    public int exitStatus() {
        return hasRegressions() ? 1 : 0;
    }

    /** One sentence: how many regressions, fixes and other changes. */
    @JsonProperty
    public String verdict() {
        long scenarios = regressions.stream().filter(c -> c.check() == null).count();
        long checks = regressions.size() - scenarios;
        String head = hasRegressions()
                ? "REGRESSION: " + plural(scenarios, "scenario") + " and " + plural(checks, "check") + " no longer pass"
                : "no regression";
        return head + "; " + plural(fixes.size(), "fix", "fixes") + ", " + plural(otherChanges.size(), "other change")
                + ", " + plural(figures.size(), "changed figure");
    }

    public String toText() {
        return DiffText.text(this);
    }

    public String toMarkdown() {
        return DiffText.markdown(this);
    }

    public String toJson() {
        return ReportMapper.toJson(this);
    }

    // ---- comparison ----------------------------------------------------------------------------

    private static Map<String, ScenarioReport> byId(ConformanceReport report) {
        Map<String, ScenarioReport> out = new LinkedHashMap<>();
        report.scenarios().forEach(s -> out.putIfAbsent(s.id(), s));
        return out;
    }

    private static void compareChecks(String id, ScenarioReport b, ScenarioReport h, List<Change> regressions,
                                      List<Change> fixes) {
        Map<String, CheckReport> before = checksByKey(b);
        Map<String, CheckReport> after = checksByKey(h);
        before.forEach((key, cb) -> {
            CheckReport ch = after.get(key);
            Result rh = ch == null ? null : ch.result();
            if (cb.result() == Result.passed && rh != Result.passed) {
                regressions.add(new Change(id, key, cb.result(), rh, ch == null ? "missing in head" : ch.message()));
            } else if (cb.result() == Result.failed && rh == Result.passed) {
                fixes.add(new Change(id, key, cb.result(), rh, null));
            }
        });
    }

    /** Checks by {@code kind · name}; a repeated key gets {@code #2}, {@code #3} in order. */
    static Map<String, CheckReport> checksByKey(ScenarioReport s) {
        Map<String, CheckReport> out = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CheckReport c : s.checks()) {
            String kind = c.kind() == null ? "check" : c.kind();
            String key = c.name() == null || c.name().equals(kind) ? kind : kind + " · " + c.name();
            int n = seen.merge(key, 1, Integer::sum);
            out.put(n == 1 ? key : key + " #" + n, c);
        }
        return out;
    }

    private static void compareFigures(String id, ScenarioReport b, ScenarioReport h, double min, List<FigureChange> out) {
        figure(id, "convergenceMs", toDouble(b.convergenceMs()), toDouble(h.convergenceMs()), min, out);
        figure(id, "requests", (double) b.requests(), (double) h.requests(), min, out);
        figure(id, "durationMs", (double) b.durationMs(), (double) h.durationMs(), min, out);
        Map<String, Double> pb = percentiles(b);
        Map<String, Double> ph = percentiles(h);
        Set<String> keys = new LinkedHashSet<>(pb.keySet());
        keys.addAll(ph.keySet());
        for (String k : keys) {
            figure(id, "latency " + k + " ms", pb.get(k), ph.get(k), min, out);
        }
    }

    private static Map<String, Double> percentiles(ScenarioReport s) {
        return s.series() == null || s.series().latency() == null ? Map.of() : s.series().latency().percentiles();
    }

    private static void figure(String scenario, String name, Double b, Double h, double min, List<FigureChange> out) {
        if (b == null && h == null) {
            return;
        }
        if (b == null || h == null) {
            out.add(new FigureChange(scenario, name, b, h, null));
            return;
        }
        if (b == 0) {
            if (h != 0) {
                out.add(new FigureChange(scenario, name, b, h, null));
            }
            return;
        }
        double relative = (h - b) / b;
        if (Math.abs(relative) >= min && !Objects.equals(b, h)) {
            out.add(new FigureChange(scenario, name, b, h, relative));
        }
    }

    private static String why(ScenarioReport s) {
        if (s.result() == Result.passed) {
            return null;
        }
        return s.checks().stream().filter(c -> c.result() == Result.failed && c.message() != null)
                .map(CheckReport::message).findFirst().orElse(s.reason());
    }

    private static Double toDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }

    static String plural(long n, String word) {
        return plural(n, word, word + "s");
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
