package io.meshproof.report.html;

import io.meshproof.report.CheckReport;
import io.meshproof.report.ConformanceReport;
import io.meshproof.report.LatencyHistogram;
import io.meshproof.report.Result;
import io.meshproof.report.RunInfo;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Series;
import io.meshproof.report.Summary;
import io.meshproof.report.TargetInfo;
import io.meshproof.report.TimelineEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A target's {@code index.html}: what was tested and the verdict first, the failures with links,
 * a table of all scenarios, then one section per scenario with its checks (expected, observed,
 * evidence, a chart) and its time series. Every text that came from a scenario, a target or an
 * oracle goes through {@link Html#escape}.
 */
public final class IndexPage {

    private final ConformanceReport report;
    private final Map<ScenarioReport, String> anchors = new java.util.IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private IndexPage(ConformanceReport report) {
        this.report = report;
        Set<String> used = new HashSet<>();
        for (ScenarioReport s : report.scenarios()) {
            String base = "s-" + Html.slug(s.id());
            String anchor = base;
            for (int i = 2; !used.add(anchor); i++) {
                anchor = base + "-" + i;
            }
            anchors.put(s, anchor);
        }
    }

    public static String render(ConformanceReport report) {
        return new IndexPage(report).page();
    }

    private String page() {
        TargetInfo t = report.target();
        String name = t == null ? "unknown target" : t.name() + (t.version() == null ? "" : " " + t.version());
        header();
        failures();
        scenarioTable();
        for (ScenarioReport s : report.scenarios()) {
            scenario(s);
        }
        out.append("<footer>Written by meshproof. The same data as <a href=\"conformance-report.json\">conformance-report.json</a>"
                + " and <a href=\"conformance-report.yaml\">conformance-report.yaml</a>.</footer>\n");
        return Page.document(name + " · mesh conformance", out.toString());
    }

    // ---- the top: target, verdict, counts, run -------------------------------------------------

    private void header() {
        TargetInfo t = report.target();
        out.append("<header>\n<div class=\"kicker\">meshproof conformance report</div>\n<h1>")
                .append(Html.escape(t == null ? "unknown target" : t.name()));
        if (t != null && t.version() != null) {
            out.append(" <span class=\"muted\">").append(Html.escape(t.version())).append("</span>");
        }
        out.append("</h1>\n<div class=\"sub\">")
                .append(t == null || t.cluster() == null ? "no cluster (local processes)" : "cluster " + Html.escape(t.cluster()))
                .append("</div>\n");

        Summary sum = report.summary() != null ? report.summary() : Summary.of(report.scenarios());
        int total = report.scenarios().size();
        if (sum.failed() > 0) {
            out.append("<div class=\"verdict failed\">").append(sum.failed()).append(" of ").append(total)
                    .append(total == 1 ? " scenario" : " scenarios").append(" failed. The failures are listed first below.</div>\n");
        } else if (sum.passed() > 0) {
            out.append("<div class=\"verdict passed\">All ").append(sum.passed()).append(sum.passed() == 1 ? " scenario" : " scenarios")
                    .append(" that ran passed").append(notRun(sum)).append(".</div>\n");
        } else {
            out.append("<div class=\"verdict none\">No scenario ran to a verdict").append(notRun(sum)).append(".</div>\n");
        }

        out.append("<div class=\"tiles\">\n");
        tile("passed", sum.passed());
        tile("failed", sum.failed());
        tile("skipped", sum.skipped());
        tile("unsupported", sum.unsupported());
        out.append("</div>\n");

        Map<Result, Integer> checks = checkCounts();
        int checkTotal = checks.values().stream().mapToInt(Integer::intValue).sum();
        out.append("<div class=\"facts\">");
        out.append("<span><b>").append(checkTotal).append("</b> checks: ").append(Html.escape(describe(checks))).append("</span>");
        RunInfo run = report.run();
        if (run != null) {
            if (run.startedAt() != null) {
                out.append("<span>started <b>").append(Html.escape(run.startedAt())).append("</b></span>");
            }
            out.append("<span>took <b>").append(Format.millis(run.durationMs())).append("</b></span>");
            out.append("<span>false-failure budget <b>").append(Format.number(run.falseFailureBudget())).append("</b> over <b>")
                    .append(run.checks()).append("</b> checks");
            if (run.budgetSplit() != null) {
                out.append(" (").append(Html.escape(run.budgetSplit())).append(')');
            }
            out.append("</span><span>missed violation <b>").append(Format.number(run.missedViolation()))
                    .append("</b> per check</span>");
        }
        out.append("</div>\n");
        if (run != null && !run.configuration().isEmpty()) {
            out.append("<details><summary>configuration</summary><table class=\"kv\">");
            new TreeMap<>(run.configuration()).forEach((k, v) -> out.append("<tr><th>").append(Html.escape(k))
                    .append("</th><td>").append(Html.escape(v)).append("</td></tr>"));
            out.append("</table></details>\n");
        }
        out.append("</header>\n");
    }

    private static String notRun(Summary sum) {
        List<String> parts = new ArrayList<>();
        if (sum.unsupported() > 0) {
            parts.add(sum.unsupported() + " unsupported");
        }
        if (sum.skipped() > 0) {
            parts.add(sum.skipped() + " skipped");
        }
        return parts.isEmpty() ? "" : "; " + String.join(", ", parts);
    }

    private void tile(String result, int n) {
        out.append("<div class=\"tile ").append(result).append(n > 0 ? " some" : "").append("\"><div class=\"n\">").append(n)
                .append("</div><div class=\"muted\">").append(result).append("</div></div>\n");
    }

    private Map<Result, Integer> checkCounts() {
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        for (ScenarioReport s : report.scenarios()) {
            for (CheckReport c : s.checks()) {
                if (c.result() != null) {
                    counts.merge(c.result(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static String describe(Map<Result, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((r, n) -> parts.add(n + " " + r));
        return String.join(", ", parts);
    }

    // ---- failures first, then every scenario in a table ----------------------------------------

    private void failures() {
        List<ScenarioReport> failed = report.scenarios().stream().filter(s -> s.result() == Result.failed).toList();
        if (failed.isEmpty()) {
            return;
        }
        out.append("<div class=\"panel failures\">\n<h2>Failed</h2>\n<ul class=\"failures\">\n");
        for (ScenarioReport s : failed) {
            out.append("<li><a href=\"#").append(anchors.get(s)).append("\"><b>").append(Html.escape(title(s)))
                    .append("</b></a> <span class=\"muted mono\">").append(Html.escape(s.id())).append("</span>");
            boolean anyCheck = false;
            for (int i = 0; i < s.checks().size(); i++) {
                CheckReport c = s.checks().get(i);
                if (c.result() != Result.failed) {
                    continue;
                }
                anyCheck = true;
                out.append("<div class=\"why\"><a href=\"#").append(checkAnchor(s, i)).append("\">")
                        .append(Html.escape(checkTitle(c))).append("</a>: ")
                        .append(Html.escape(c.message() == null ? "failed" : c.message())).append("</div>");
            }
            if (!anyCheck && s.reason() != null) {
                out.append("<div class=\"why\">").append(Html.escape(s.reason())).append("</div>");
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n</div>\n");
    }

    private void scenarioTable() {
        List<ScenarioReport> ordered = new ArrayList<>(report.scenarios());
        ordered.sort(Comparator.comparing((ScenarioReport s) -> s.result() != Result.failed));
        out.append("<div class=\"panel\">\n<h2>Scenarios</h2>\n<table class=\"list\">\n<thead><tr><th>result</th><th>scenario</th>"
                + "<th>feature</th><th>support</th><th class=\"num\">converged in</th><th class=\"num\">requests</th>"
                + "<th class=\"num\">duration</th></tr></thead>\n<tbody>\n");
        for (ScenarioReport s : ordered) {
            out.append("<tr class=\"").append(Html.escape(s.result())).append("\"><td>").append(Page.badge(s.result()))
                    .append("</td><td><a href=\"#").append(anchors.get(s)).append("\">").append(Html.escape(title(s)))
                    .append("</a><div class=\"muted mono\">").append(Html.escape(s.id())).append("</div>");
            if (s.reason() != null && s.result() != Result.passed) {
                out.append("<div class=\"muted\">").append(Html.escape(s.reason())).append("</div>");
            }
            out.append("</td><td>").append(Html.escape(s.feature())).append("</td><td>").append(Page.support(s.support()))
                    .append("</td><td class=\"num\">").append(convergence(s))
                    .append("</td><td class=\"num\">").append(s.requests())
                    .append("</td><td class=\"num\">").append(Format.millis(s.durationMs())).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n");
    }

    private static String convergence(ScenarioReport s) {
        if (s.convergenceMs() != null) {
            return Format.millis(s.convergenceMs());
        }
        return s.requests() > 0 || s.result() == Result.failed ? "not reached" : "—";
    }

    // ---- one scenario --------------------------------------------------------------------------

    private void scenario(ScenarioReport s) {
        String result = Html.escape(s.result());
        out.append("<section class=\"scenario ").append(result).append("\" id=\"").append(anchors.get(s)).append("\">\n")
                .append("<div class=\"scenario-head\">").append(Page.badge(s.result())).append("<h2>")
                .append(Html.escape(title(s))).append("</h2></div>\n");
        out.append("<div class=\"meta\"><span class=\"mono\">").append(Html.escape(s.id())).append("</span> · ")
                .append(Html.escape(s.feature())).append(" · ").append(Page.support(s.support()));
        if (s.file() != null) {
            out.append(" · <span class=\"mono\">").append(Html.escape(s.file())).append(s.line() > 0 ? ":" + s.line() : "")
                    .append("</span>");
        }
        out.append("</div>\n<div class=\"facts\"><span>converged in <b>").append(convergence(s))
                .append("</b></span><span><b>").append(s.requests()).append("</b> requests</span><span>took <b>")
                .append(Format.millis(s.durationMs())).append("</b></span></div>\n");
        if (s.reason() != null) {
            out.append("<div class=\"reason\">").append(Html.escape(s.reason())).append("</div>\n");
        }
        if (!s.notes().isEmpty()) {
            out.append("<ul class=\"notes\">");
            s.notes().forEach(n -> out.append("<li>").append(Html.escape(n)).append("</li>"));
            out.append("</ul>\n");
        }
        for (int i = 0; i < s.checks().size(); i++) {
            check(s, i);
        }
        charts(s);
        out.append("</section>\n");
    }

    private void check(ScenarioReport s, int index) {
        CheckReport c = s.checks().get(index);
        out.append("<div class=\"check ").append(Html.escape(c.result())).append("\" id=\"").append(checkAnchor(s, index)).append("\">\n")
                .append("<div class=\"check-head\">").append(Page.badge(c.result())).append("<h3>")
                .append(Html.escape(checkTitle(c))).append("</h3>");
        if (c.line() > 0) {
            out.append("<span class=\"muted\">line ").append(c.line()).append("</span>");
        }
        out.append("</div>\n");
        if (c.message() != null) {
            out.append("<div class=\"message\">").append(Html.escape(c.message())).append("</div>\n");
        }
        String chart = "";
        String legend = "";
        if (SplitChart.applies(c)) {
            chart = SplitChart.render(c);
            legend = "<div class=\"legend\">" + Page.swatch(Palette.OBSERVED, "observed share")
                    + Page.swatch(Palette.INK, "expected weight") + "<span>├─┤ confidence interval</span>"
                    + Page.swatch(Palette.ACCEPT, "passes within") + "</div>";
        } else if (FractionChart.applies(c)) {
            chart = FractionChart.render(c);
            legend = "<div class=\"legend\">" + Page.swatch(Palette.OBSERVED, "observed share")
                    + "<span>├─┤ confidence interval</span>" + Page.swatch(Palette.ACCEPT, "allowed by the scenario")
                    + "</div>";
        }
        out.append("<div class=\"check-grid").append(chart.isEmpty() ? " single" : "").append("\"><table class=\"kv\">");
        out.append("<tr class=\"lead\"><th>expected</th><td>").append(Html.escape(Format.value(c.expected()))).append("</td></tr>");
        out.append("<tr class=\"lead\"><th>observed</th><td>").append(Html.escape(Format.value(c.observed()))).append("</td></tr>");
        boolean first = true;
        Map<String, Object> evidence = new TreeMap<>(NaturalOrder.INSTANCE);
        evidence.putAll(c.evidence());
        for (Map.Entry<String, Object> e : evidence.entrySet()) {
            out.append("<tr").append(first ? " class=\"sep\"" : "").append("><th>").append(Html.escape(e.getKey()))
                    .append("</th><td>").append(Html.escape(Format.value(e.getValue()))).append("</td></tr>");
            first = false;
        }
        out.append("</table>");
        if (!chart.isEmpty()) {
            out.append("<div>").append(chart).append(legend).append("</div>");
        }
        out.append("</div>\n</div>\n");
    }

    private void charts(ScenarioReport s) {
        Series series = s.series();
        List<TimelineEvent> events = s.events().stream().sorted(Comparator.comparingLong(TimelineEvent::atMs)).toList();
        if (series == null) {
            if (!events.isEmpty()) {
                out.append("<div class=\"charts\"><figure><figcaption>Events</figcaption>");
                eventList(events);
                out.append("</figure></div>\n");
            }
            return;
        }
        out.append("<div class=\"charts\">\n");

        List<String> outcomeKeys = Series.OUTCOMES.stream().filter(series.outcomes()::containsKey).toList();
        List<String> extra = series.outcomes().keySet().stream().filter(k -> !Series.OUTCOMES.contains(k)).sorted().toList();
        List<String> keys = new ArrayList<>(outcomeKeys);
        keys.addAll(extra);
        String per = " <span class=\"muted\">requests per " + Format.axisSeconds(series.bucketMs()) + "</span>";
        out.append("<figure><figcaption>Responses over time").append(per).append("</figcaption>")
                .append(TimelineChart.render("responses by status class and connection error over time",
                        series.startMs(), series.bucketMs(), series.outcomes(), keys, Palette::outcome, events));
        out.append("<div class=\"legend\">");
        keys.forEach(k -> out.append(Page.swatch(Palette.outcome(k), k)));
        out.append("</div>");
        eventList(events);
        out.append("</figure>\n");

        if (series.versions().size() >= 2) {
            List<String> versions = new ArrayList<>(series.versions().keySet());
            versions.sort(NaturalOrder.INSTANCE);
            out.append("<figure><figcaption>Answering versions over time").append(per).append("</figcaption>")
                    .append(TimelineChart.render("answers by version over time", series.startMs(), series.bucketMs(),
                            series.versions(), versions, v -> Palette.series(versions.indexOf(v)), events));
            out.append("<div class=\"legend\">");
            for (int i = 0; i < versions.size(); i++) {
                out.append(Page.swatch(Palette.series(i), versions.get(i)));
            }
            out.append("</div></figure>\n");
        }

        LatencyHistogram latency = series.latency();
        if (latency != null) {
            List<CheckReport> latencyChecks = s.checks().stream().filter(c -> "latency".equals(c.kind())).toList();
            List<LatencyChart.Threshold> thresholds = LatencyChart.Threshold.of(latencyChecks);
            out.append("<figure><figcaption>Latency of responses <span class=\"muted\">log scale</span></figcaption>")
                    .append(LatencyChart.render(latency, thresholds));
            out.append("<div class=\"legend\">").append(Page.swatch("#9db8d6", "responses per latency bucket"))
                    .append("<span><span class=\"sw line\" style=\"background:").append(Palette.INK)
                    .append("\"></span>cumulative share</span>");
            if (!thresholds.isEmpty()) {
                out.append("<span>┆ check threshold (red: failed)</span>");
            }
            out.append("</div><div class=\"muted\">n = ").append(latency.n());
            latency.percentiles().forEach((k, v) -> out.append(" · ").append(Html.escape(k)).append(' ').append(Format.millis(v)));
            out.append(" · max ").append(Format.millis(latency.maxMs())).append("</div></figure>\n");
        }
        out.append("</div>\n");
    }

    private void eventList(List<TimelineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        out.append("<ol class=\"events\">");
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            out.append("<li><span class=\"num-dot\" style=\"background:").append(Palette.event(e.kind())).append("\">")
                    .append(i + 1).append("</span><b>").append(Format.axisSeconds(e.atMs())).append("</b> ")
                    .append(Html.escape(e.kind()));
            if (e.detail() != null) {
                out.append(" — ").append(Html.escape(e.detail()));
            }
            out.append("</li>");
        }
        out.append("</ol>");
    }

    // ---- names ---------------------------------------------------------------------------------

    private static String title(ScenarioReport s) {
        return s.title() != null ? s.title() : s.id();
    }

    private static String checkTitle(CheckReport c) {
        String kind = c.kind() == null ? "check" : c.kind();
        return c.name() == null || c.name().equals(kind) ? kind : kind + " · " + c.name();
    }

    private String checkAnchor(ScenarioReport s, int index) {
        return anchors.get(s) + "-c" + (index + 1);
    }
}
