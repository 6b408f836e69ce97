package io.meshproof.report.diff;

import io.meshproof.report.Result;
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

    private static void changes(StringBuilder b, String title, List<ReportDiff.Change> changes) {
        b.append(title).append(": ").append(changes.size()).append('\n');
        for (ReportDiff.Change c : changes) {
            b.append(c.check() == null ? "  " + c.scenario() : "  " + c.scenario() + "  check " + c.check())
                    .append(": ").append(result(c.base())).append(" → ").append(result(c.head()));
            if (c.detail() != null) {
                b.append("\n      ").append(c.detail());
            }
            b.append('\n');
        }
        b.append('\n');
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
        for (ReportDiff.Change c : changes) {
            b.append("| `").append(code(c.scenario())).append("` | ").append(c.check() == null ? "" : cell(c.check()))
                    .append(" | ").append(result(c.base())).append(" | ").append(result(c.head())).append(" | ")
                    .append(c.detail() == null ? "" : cell(c.detail())).append(" |\n");
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

    private static String result(Result r) {
        return r == null ? "absent" : r.name();
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
