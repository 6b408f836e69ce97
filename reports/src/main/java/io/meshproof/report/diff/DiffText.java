package io.meshproof.report.diff;

import io.meshproof.report.Summary;
import io.meshproof.report.TargetInfo;
import io.meshproof.report.html.Format;

import java.util.List;
import java.util.Locale;

/** A {@link ReportDiff} as plain text (a terminal, a CI log) and as Markdown (a pull request, a job summary). */
final class DiffText {

    private DiffText() {}

    static String text(ReportDiff d) {
        StringBuilder b = new StringBuilder();
        b.append("meshproof report diff\n");
        b.append("  base: ").append(side(d.base().target(), d.base().summary())).append('\n');
        b.append("  head: ").append(side(d.head().target(), d.head().summary())).append("\n\n");
        changes(b, "REGRESSIONS", d.regressions());
        changes(b, "FIXES", d.fixes());
        changes(b, "OTHER CHANGES", d.otherChanges());
        b.append("CHANGED FIGURES (moved by ").append(percent(d.minRelativeChange())).append(" or more): ")
                .append(d.figures().size()).append('\n');
        for (ReportDiff.FigureChange f : d.figures()) {
            b.append("  ").append(f.scenario() == null ? "(run)" : f.scenario()).append("  ").append(f.figure()).append("  ")
                    .append(value(f.base())).append(" → ").append(value(f.head())).append("  ").append(relative(f))
                    .append('\n');
        }
        b.append('\n').append(d.verdict()).append(" (exit ").append(d.exitStatus()).append(")\n");
        return b.toString();
    }

    /** Scenario entries with their check entries beneath; a detail is printed once, where it belongs. */
    private static void changes(StringBuilder b, String title, List<ReportDiff.Change> changes) {
        b.append(title).append(": ").append(changes.size()).append('\n');
        java.util.Map<String, List<ReportDiff.Change>> byScenario = new java.util.LinkedHashMap<>();
        changes.forEach(c -> byScenario.computeIfAbsent(c.scenario(), k -> new java.util.ArrayList<>()).add(c));
        byScenario.forEach((scenario, entries) -> {
            ReportDiff.Change own = entries.stream().filter(c -> c.check() == null).findFirst().orElse(null);
            List<ReportDiff.Change> checks = entries.stream().filter(c -> c.check() != null).toList();
            b.append("  ").append(scenario);
            if (own != null) {
                b.append(": ").append(transition(own));
                if (own.detail() != null && own.head() != null && checks.isEmpty()) {
                    b.append("\n      ").append(own.detail());
                }
            }
            b.append('\n');
            for (ReportDiff.Change c : checks) {
                b.append("    check ").append(c.check()).append(": ").append(transition(c));
                if (c.detail() != null && c.head() != null) {
                    b.append("\n      ").append(c.detail());
                }
                b.append('\n');
            }
            entries.stream().filter(c -> c.check() == null && c != own)
                    .forEach(c -> b.append("    ").append(c.detail()).append('\n'));
        });
        b.append('\n');
    }

    private static String transition(ReportDiff.Change c) {
        return (c.base() == null ? "new" : c.base().name()) + " → " + (c.head() == null ? "missing" : c.head().name());
    }

    static String markdown(ReportDiff d) {
        StringBuilder b = new StringBuilder();
        b.append("## meshproof report diff: ").append(cell(name(d.base().target()))).append(" → ")
                .append(cell(name(d.head().target()))).append("\n\n");
        b.append(d.hasRegressions() ? "**" + cell(d.verdict()) + "**" : cell(d.verdict())).append("\n\n");
        b.append("| | target | passed | failed | skipped | unsupported |\n|---|---|---:|---:|---:|---:|\n");
        summaryRow(b, "base", d.base());
        summaryRow(b, "head", d.head());
        b.append('\n');
        mdChanges(b, "Regressions", d.regressions());
        mdChanges(b, "Fixes", d.fixes());
        mdChanges(b, "Other changes", d.otherChanges());
        b.append("### Changed figures (moved by ").append(percent(d.minRelativeChange())).append(" or more)\n\n");
        if (d.figures().isEmpty()) {
            b.append("None.\n");
        } else {
            b.append("| scenario | figure | base | head | change |\n|---|---|---:|---:|---:|\n");
            for (ReportDiff.FigureChange f : d.figures()) {
                b.append("| ").append(f.scenario() == null ? "(run)" : "`" + code(f.scenario()) + "`").append(" | ")
                        .append(cell(f.figure())).append(" | ").append(value(f.base())).append(" | ").append(value(f.head()))
                        .append(" | ").append(relative(f)).append(" |\n");
            }
        }
        return b.toString();
    }

    private static void summaryRow(StringBuilder b, String label, ReportDiff.Side s) {
        Summary m = s.summary();
        b.append("| ").append(label).append(" | ").append(cell(name(s.target()))).append(" | ").append(m.passed())
                .append(" | ").append(m.failed()).append(" | ").append(m.skipped()).append(" | ").append(m.unsupported())
                .append(" |\n");
    }

    private static void mdChanges(StringBuilder b, String title, List<ReportDiff.Change> changes) {
        b.append("### ").append(title).append(" (").append(changes.size()).append(")\n\n");
        if (changes.isEmpty()) {
            b.append("None.\n\n");
            return;
        }
        b.append("| scenario | check | base | head | detail |\n|---|---|---|---|---|\n");
        java.util.Set<String> withChecks = new java.util.HashSet<>();
        changes.stream().filter(c -> c.check() != null).forEach(c -> withChecks.add(c.scenario()));
        for (ReportDiff.Change c : changes) {
            // a scenario's own detail repeats its first failed check's message: say it once, on the check
            String detail = c.check() == null && withChecks.contains(c.scenario()) ? null : c.detail();
            b.append("| `").append(code(c.scenario())).append("` | ").append(c.check() == null ? "" : cell(c.check()))
                    .append(" | ").append(c.base() == null ? "new" : c.base().name()).append(" | ")
                    .append(c.head() == null ? "missing" : c.head().name()).append(" | ")
                    .append(detail == null ? "" : cell(detail)).append(" |\n");
        }
        b.append('\n');
    }

    private static String side(TargetInfo t, Summary s) {
        return name(t) + (t != null && t.cluster() != null ? " on " + t.cluster() : "") + "  (passed " + s.passed()
                + ", failed " + s.failed() + ", skipped " + s.skipped() + ", unsupported " + s.unsupported() + ")";
    }

    private static String name(TargetInfo t) {
        return t == null ? "?" : t.name() + (t.version() == null ? "" : " " + t.version());
    }

    private static String value(Double v) {
        return v == null ? "—" : Format.number(v);
    }

    private static String relative(ReportDiff.FigureChange f) {
        if (f.relativeChange() == null) {
            return f.base() == null ? "appeared" : f.head() == null ? "vanished" : "from 0";
        }
        return (f.relativeChange() >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f%%", 100 * f.relativeChange());
    }

    private static String percent(double fraction) {
        return Format.number(100 * fraction) + "%";
    }

    /** Text in a Markdown table cell: no line breaks, pipes escaped, HTML-ish characters neutralised. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }

    /** Text inside backticks: a backtick would end the code span. */
    private static String code(String s) {
        return cell(s).replace("`", "'");
    }
}
