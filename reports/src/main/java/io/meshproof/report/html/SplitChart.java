package io.meshproof.report.html;

import io.meshproof.report.CheckReport;
import io.meshproof.report.EvidenceKeys;
import io.meshproof.report.Result;

import java.util.ArrayList;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A split check as one bar per version on a 0..100% track: the observed share (red when outside
 * its acceptance), the confidence interval as a whisker, the expected weight as a tick and the
 * acceptance range shaded behind.
 */
final class SplitChart {

    private static final int LABEL = 92;
    private static final int TRACK = 330;
    private static final int WIDTH = LABEL + TRACK + 200;
    private static final int ROW = 28;

    private SplitChart() {}

    static boolean applies(CheckReport check) {
        return check.evidence().get(EvidenceKeys.INTERVALS) instanceof Map
                || ("split".equals(check.kind()) && check.expected() instanceof Map);
    }

    static String render(CheckReport check) {
        Map<String, Double> expected = EvidenceReader.numbers(check.expected());
        Map<String, Double> observed = EvidenceReader.numbers(check.observed());
        Map<String, Double> counts = EvidenceReader.numbers(check.evidence().get(EvidenceKeys.COUNTS));
        Map<String, double[]> intervals = EvidenceReader.ranges(check.evidence().get(EvidenceKeys.INTERVALS));
        Map<String, double[]> acceptance = EvidenceReader.ranges(check.evidence().get(EvidenceKeys.ACCEPTANCE));
        if (observed.isEmpty() && !counts.isEmpty()) {
            double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
            counts.forEach((v, c) -> observed.put(v, total == 0 ? 0 : 100 * c / total));
        }
        Set<String> versions = new TreeSet<>(NaturalOrder.INSTANCE);
        versions.addAll(expected.keySet());
        versions.addAll(observed.keySet());
        versions.addAll(counts.keySet());
        if (versions.isEmpty()) {
            return "";
        }

        int height = versions.size() * ROW + 30;
        Svg svg = new Svg(WIDTH, height, "observed share per version against the expected weight");
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = x(tick);
            svg.line(x, 4, x, height - 22, Palette.GRID, 1, null);
            svg.text(x, height - 8, tick + "%", "middle", "axis");
        }
        int row = 0;
        for (String version : versions) {
            double top = 6 + row * ROW;
            double mid = top + ROW / 2.0 - 2;
            svg.text(LABEL - 8, mid + 4, version, "end", "label");
            svg.rect(x(0), mid - 8, TRACK, 16, Palette.TRACK, null);
            double[] accept = acceptance.get(version);
            if (accept != null) {
                svg.rect(x(accept[0]), mid - 8, Math.max(1.5, x(accept[1]) - x(accept[0])), 16, Palette.ACCEPT,
                        "passes within " + Format.percent(accept[0]) + " – " + Format.percent(accept[1]));
            }
            Double share = observed.get(version);
            Double weight = expected.get(version);
            boolean off = isOff(check, share, weight, accept);
            if (share != null) {
                String count = counts.containsKey(version) ? " (" + Format.number(counts.get(version)) + " answers)" : "";
                svg.rect(x(0), mid - 4, x(share) - x(0), 8, off ? Palette.BAD : Palette.OBSERVED,
                        version + ": " + Format.percent(share) + count);
            }
            double[] interval = intervals.get(version);
            if (interval != null) {
                svg.whisker(x(interval[0]), x(interval[1]), mid, 5, Palette.INK);
            }
            if (weight != null) {
                svg.line(x(weight), mid - 11, x(weight), mid + 11, Palette.INK, 2.5, null);
            }
            svg.text(LABEL + TRACK + 10, mid + 4, rowText(share, weight), "start", off ? "label bad" : "label");
            row++;
        }
        return svg.end();
    }

    /** A version is off when it is outside its acceptance, or answered without being expected. */
    private static boolean isOff(CheckReport check, Double share, Double weight, double[] accept) {
        if (share == null) {
            return false;
        }
        if (accept != null) {
            return share < accept[0] - 1e-9 || share > accept[1] + 1e-9;
        }
        if (weight == null || weight == 0) {
            return share > 0;
        }
        return check.result() == Result.failed && Math.abs(share - weight) > 0;
    }

    private static String rowText(Double share, Double weight) {
        List<String> parts = new ArrayList<>();
        parts.add(share == null ? "no answers" : Format.percent(share));
        parts.add(weight == null ? "not expected" : "expected " + Format.percent(weight));
        return String.join("  ·  ", parts);
    }

    private static double x(double percent) {
        return LABEL + TRACK * Math.max(0, Math.min(100, percent)) / 100.0;
    }
}
