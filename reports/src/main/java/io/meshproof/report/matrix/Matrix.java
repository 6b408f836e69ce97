package io.meshproof.report.matrix;

import io.meshproof.report.ConformanceReport;
import io.meshproof.report.FeatureCatalog;
import io.meshproof.report.Result;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Summary;
import io.meshproof.report.Support;
import io.meshproof.report.TargetInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Features by targets (DESIGN.md section 7): the rows are the feature catalog in its order (then
 * any other feature the reports name), the columns the targets in the order given, each cell how
 * the target supports the feature and how its scenarios came out.
 *
 * @param targets  the columns
 * @param features the rows, each with one cell per column
 */
public record Matrix(List<Column> targets, List<Row> features) {

    public Matrix {
        targets = List.copyOf(targets);
        features = List.copyOf(features);
    }

    /**
     * A column: one report.
     *
     * @param label                the name cells refer to: the target's name, with its version when two
     *                             columns share a name
     * @param medianConvergenceMs  the median time the target took to put a scenario's state in effect
     *                             (config propagation); null when no scenario converged
     */
    public record Column(String label, TargetInfo target, Summary summary, Long medianConvergenceMs) {}

    public record Row(String feature, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * One feature on one target.
     *
     * @param target    the column's label
     * @param support   the weakest support among the cell's scenarios (unsupported, then emulated, then native);
     *                  null when no scenario of the feature ran on the target
     * @param result    the scenarios' results combined ({@link Result#combine}); null when there are none
     * @param counts    the scenarios by result
     * @param scenarios the ids of the scenarios in the cell
     */
    public record Cell(String target, Support support, Result result, Summary counts, List<String> scenarios) {
        public Cell {
            scenarios = List.copyOf(scenarios);
        }
    }

    public static Matrix of(List<ConformanceReport> reports) {
        List<Column> columns = columns(reports);
        Set<String> features = new LinkedHashSet<>(FeatureCatalog.ORDER);
        reports.forEach(r -> r.scenarios().forEach(s -> {
            if (s.feature() != null) {
                features.add(s.feature());
            }
        }));
        List<Row> rows = new ArrayList<>();
        for (String feature : features) {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < reports.size(); i++) {
                List<ScenarioReport> scenarios = reports.get(i).scenarios().stream()
                        .filter(s -> feature.equals(s.feature())).toList();
                cells.add(cell(columns.get(i).label(), scenarios));
            }
            rows.add(new Row(feature, cells));
        }
        return new Matrix(columns, rows);
    }

    private static Cell cell(String target, List<ScenarioReport> scenarios) {
        Support support = scenarios.stream().map(ScenarioReport::support).filter(java.util.Objects::nonNull)
                .max(Comparator.comparingInt(Support::ordinal)).orElse(null);
        Result result = scenarios.isEmpty() ? null : Result.combine(scenarios.stream().map(ScenarioReport::result).toList());
        return new Cell(target, support, result, Summary.of(scenarios), scenarios.stream().map(ScenarioReport::id).toList());
    }

    private static Long medianConvergence(List<ScenarioReport> scenarios) {
        long[] sorted = scenarios.stream().map(ScenarioReport::convergenceMs).filter(java.util.Objects::nonNull)
                .mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static List<Column> columns(List<ConformanceReport> reports) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        reports.forEach(r -> {
            if (!seen.add(r.target().name())) {
                repeated.add(r.target().name());
            }
        });
        Set<String> labels = new HashSet<>();
        List<Column> columns = new ArrayList<>();
        for (ConformanceReport r : reports) {
            TargetInfo t = r.target();
            String label = repeated.contains(t.name()) && t.version() != null ? t.name() + " " + t.version() : t.name();
            String unique = label;
            for (int i = 2; !labels.add(unique); i++) {
                unique = label + " (" + i + ")";
            }
            columns.add(new Column(unique, t, r.summary(), medianConvergence(r.scenarios())));
        }
        return columns;
    }
}
