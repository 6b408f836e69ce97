package io.meshproof.report.matrix;

import io.meshproof.report.Result;
import io.meshproof.report.Summary;
import io.meshproof.report.html.Format;
import io.meshproof.report.html.Html;
import io.meshproof.report.html.Page;

import java.util.ArrayList;
import java.util.List;

/** {@code matrix.html}: features by targets, each cell a support level and the scenarios' results. */
public final class MatrixPage {

    private MatrixPage() {}

    public static String render(Matrix m) {
        StringBuilder out = new StringBuilder();
        out.append("<header>\n<div class=\"kicker\">meshproof conformance matrix</div>\n<h1>What each mesh does</h1>\n")
                .append("<div class=\"sub\">").append(m.targets().size()).append(m.targets().size() == 1 ? " target" : " targets")
                .append(" · each cell: how the target supports the feature, and how its scenarios came out</div>\n");
        int failed = m.targets().stream().mapToInt(c -> c.summary().failed()).sum();
        if (failed > 0) {
            out.append("<div class=\"verdict failed\">").append(failed).append(failed == 1 ? " scenario" : " scenarios")
                    .append(" failed across the targets.</div>\n");
        } else {
            out.append("<div class=\"verdict passed\">No scenario failed on any target.</div>\n");
        }
        out.append("<div class=\"legend\">").append(Page.support("native")).append("<span>the mesh's own resources</span>")
                .append(Page.support("emulated")).append("<span>built from other features (see the target's report)</span>")
                .append(Page.support("unsupported")).append("<span>the mesh cannot do it</span></div>\n</header>\n");

        out.append("<div class=\"panel\" style=\"padding:0;overflow-x:auto\">\n<table class=\"matrix\">\n<thead><tr><th>feature</th>");
        for (Matrix.Column c : m.targets()) {
            out.append("<th><div style=\"font-size:15px\">").append(Html.escape(c.label())).append("</div>");
            if (c.target().version() != null && !c.label().contains(c.target().version())) {
                out.append("<div>").append(Html.escape(c.target().version())).append("</div>");
            }
            out.append("<div class=\"muted\" style=\"font-weight:400\">")
                    .append(c.target().cluster() == null ? "local processes" : Html.escape(c.target().cluster())).append("</div>")
                    .append("<div style=\"font-weight:400\">").append(Html.escape(counts(c.summary()))).append("</div>");
            if (c.medianConvergenceMs() != null) {
                out.append("<div class=\"muted\" style=\"font-weight:400\">median convergence ")
                        .append(Format.millis(c.medianConvergenceMs())).append("</div>");
            }
            out.append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Matrix.Row row : m.features()) {
            out.append("<tr><th>").append(Html.escape(row.feature())).append("</th>");
            for (Matrix.Cell cell : row.cells()) {
                cell(out, cell);
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n</div>\n<footer>Written by meshproof from the targets' conformance-report.json;"
                + " the same data as <a href=\"matrix.json\">matrix.json</a>.</footer>\n");
        return Page.document("mesh conformance matrix", out.toString());
    }

    private static void cell(StringBuilder out, Matrix.Cell cell) {
        if (cell.result() == null) {
            out.append("<td class=\"cell none\">not run</td>");
            return;
        }
        out.append("<td class=\"cell ").append(Html.escape(cell.result())).append("\" title=\"")
                .append(Html.escape(String.join(", ", cell.scenarios()))).append("\">")
                .append(Page.support(cell.support()))
                .append(cell.result() == Result.unsupported ? "" : " " + Page.badge(cell.result()))
                .append("<div class=\"counts\">").append(Html.escape(counts(cell.counts()))).append("</div></td>");
    }

    /** {@code 3 scenarios: 2 passed, 1 failed}. */
    static String counts(Summary s) {
        int total = s.passed() + s.failed() + s.skipped() + s.unsupported();
        List<String> parts = new ArrayList<>();
        for (Result r : Result.values()) {
            int n = switch (r) {
                case passed -> s.passed();
                case failed -> s.failed();
                case skipped -> s.skipped();
                case unsupported -> s.unsupported();
            };
            if (n > 0) {
                parts.add(n + " " + r);
            }
        }
        return total + (total == 1 ? " scenario" : " scenarios") + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }
}
