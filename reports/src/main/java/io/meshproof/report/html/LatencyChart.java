package io.meshproof.report.html;

import io.meshproof.report.CheckReport;
import io.meshproof.report.EvidenceKeys;
import io.meshproof.report.LatencyHistogram;
import io.meshproof.report.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Response latencies as a histogram on a log axis with the cumulative share as a line (read the
 * p50 where it crosses 50%), and each latency check's threshold as a dashed line (red when the
 * check failed) with the judged percentile's interval as a whisker beside its label.
 */
final class LatencyChart {

    private static final int WIDTH = 600;
    private static final int LEFT = 46;
    private static final int RIGHT = 40;
    private static final int PLOT_H = 150;
    private static final int LABEL_ROW = 14;

    private LatencyChart() {}

    /**
     * A latency check to mark: its threshold, and for a percentile check the observed percentile
     * with its confidence interval.
     */
    record Threshold(String label, double ms, Double observedMs, String observedLabel, double[] intervalMs, boolean failed) {
        static List<Threshold> of(List<CheckReport> checks) {
            List<Threshold> out = new ArrayList<>();
            for (CheckReport c : checks) {
                Double t = EvidenceReader.thresholdMs(c);
                if (t == null || t <= 0) {
                    continue;
                }
                boolean fraction = FractionChart.applies(c);
                double[] interval = fraction ? null : EvidenceReader.range(c.evidence().get(EvidenceKeys.INTERVAL));
                Double observed = null;
                String observedLabel = null;
                if (!fraction && c.expected() instanceof Map<?, ?> m && EvidenceReader.number(m.get("percentile")) != null) {
                    String key = LatencyHistogram.percentileKey(EvidenceReader.number(m.get("percentile")));
                    observed = EvidenceReader.numbers(c.evidence().get(EvidenceKeys.PERCENTILES)).get(key);
                    if (observed == null) {
                        observed = EvidenceReader.numbers(c.observed()).get(key);
                    }
                    observedLabel = "observed " + key + (observed == null ? "" : " " + Format.millis(observed));
                }
                out.add(new Threshold(EvidenceReader.thresholdLabel(c, t), t, observed, observedLabel, interval,
                        c.result() == Result.failed));
            }
            return out;
        }

        boolean hasObservation() {
            return observedMs != null || intervalMs != null;
        }
    }

    static String render(LatencyHistogram h, List<Threshold> thresholds) {
        List<Double> bounds = h.boundsMs();
        double lo = bounds.get(0);
        double hi = bounds.get(bounds.size() - 1);
        for (Threshold t : thresholds) {
            lo = Math.min(lo, t.ms() / 1.4);
            hi = Math.max(hi, t.ms() * 1.4);
            if (t.observedMs() != null && t.observedMs() > 0) {
                lo = Math.min(lo, t.observedMs() / 1.2);
                hi = Math.max(hi, t.observedMs() * 1.2);
            }
            if (t.intervalMs() != null && t.intervalMs()[0] > 0) {
                lo = Math.min(lo, t.intervalMs()[0] / 1.2);
                hi = Math.max(hi, t.intervalMs()[1] * 1.2);
            }
        }
        int rows = thresholds.stream().mapToInt(t -> t.hasObservation() ? 2 : 1).sum();
        int top = 8 + LABEL_ROW * rows;
        int height = top + PLOT_H + 34;
        LogScale x = new LogScale(lo, hi, LEFT, WIDTH - RIGHT);
        double bottom = top + PLOT_H;
        int maxCount = h.counts().stream().mapToInt(Integer::intValue).max().orElse(1);

        Svg svg = new Svg(WIDTH, height, "latency histogram with cumulative share and check thresholds");
        for (double tick : x.ticks()) {
            svg.line(x.at(tick), top, x.at(tick), bottom, Palette.GRID, 1, null);
            svg.text(x.at(tick), bottom + 14, Format.millis(tick), "middle", "axis");
        }
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, Palette.MUTED, 1, null);
        svg.text(LEFT - 6, top + 8, Integer.toString(maxCount), "end", "axis");
        svg.text(LEFT - 6, bottom, "0", "end", "axis");
        svg.text(LEFT - 6, top + PLOT_H / 2.0 + 4, "resp.", "end", "axis");
        svg.text(WIDTH - RIGHT + 6, top + 8, "100%", "start", "axis");
        svg.text(WIDTH - RIGHT + 6, top + PLOT_H / 2.0 + 4, "50%", "start", "axis");
        svg.text(WIDTH - RIGHT + 6, bottom, "0%", "start", "axis");

        StringBuilder cdf = new StringBuilder();
        cdf.append(Svg.n(x.at(bounds.get(0)))).append(',').append(Svg.n(bottom));
        long cumulative = 0;
        for (int i = 0; i < h.counts().size(); i++) {
            int count = h.counts().get(i);
            double x0 = x.at(bounds.get(i));
            double x1 = x.at(bounds.get(i + 1));
            double barH = PLOT_H * count / (double) maxCount;
            if (count > 0) {
                svg.rect(x0 + 0.5, bottom - barH, x1 - x0 - 1, barH, "#9db8d6",
                        Format.millis(bounds.get(i)) + " – " + Format.millis(bounds.get(i + 1)) + ": " + count + " responses");
            }
            cumulative += count;
            double y = bottom - PLOT_H * cumulative / (double) h.n();
            cdf.append(' ').append(Svg.n(x1)).append(',').append(Svg.n(y));
        }
        svg.polyline(cdf.toString(), Palette.INK, 1.5);

        int row = 0;
        for (Threshold t : thresholds) {
            String color = t.failed() ? Palette.BAD : Palette.GOOD;
            String cls = t.failed() ? "label bad" : "label good";
            double tx = x.at(t.ms());
            double labelY = 8 + LABEL_ROW * row + 9;
            svg.line(tx, top - 2, tx, bottom, color, 2, "5 3");
            label(svg, tx, tx, labelY, t.label(), cls);
            row++;
            if (t.hasObservation()) {
                double y = 8 + LABEL_ROW * row + 9;
                double left = Double.POSITIVE_INFINITY;
                double right = Double.NEGATIVE_INFINITY;
                if (t.observedMs() != null) {
                    left = right = x.at(t.observedMs());
                }
                if (t.intervalMs() != null) {
                    svg.whisker(x.at(t.intervalMs()[0]), x.at(t.intervalMs()[1]), y - 4, 4, Palette.INK);
                    left = Math.min(left, x.at(t.intervalMs()[0]));
                    right = Math.max(right, x.at(t.intervalMs()[1]));
                }
                if (t.observedMs() != null) {
                    svg.circle(x.at(t.observedMs()), y - 4, 3.5, color, null, t.observedLabel());
                }
                if (t.observedLabel() != null) {
                    label(svg, left, right, y, t.observedLabel(), "label");
                }
                row++;
            }
        }
        return svg.end();
    }

    /** Text beside a mark that spans {@code left..right}: to its right when it fits, else to its left. */
    private static void label(Svg svg, double left, double right, double y, String text, String cls) {
        double estimatedWidth = 6.6 * text.length();
        if (right + 8 + estimatedWidth <= WIDTH - 2) {
            svg.text(right + 8, y, text, "start", cls);
        } else {
            svg.text(left - 8, y, text, "end", cls);
        }
    }

    /** Log-scaled axis with 1-2-5 ticks, or decades only when the range is wide. */
    private record LogScale(double lo, double hi, double left, double right) {
        double at(double v) {
            double c = Math.max(lo, Math.min(hi, v));
            return left + (right - left) * (Math.log10(c) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        }

        List<Double> ticks() {
            List<Double> all = new ArrayList<>();
            List<Double> decades = new ArrayList<>();
            for (int d = (int) Math.floor(Math.log10(lo)); d <= (int) Math.ceil(Math.log10(hi)); d++) {
                for (double m : new double[] {1, 2, 5}) {
                    double v = java.math.BigDecimal.valueOf(m).scaleByPowerOfTen(d).doubleValue();
                    if (v >= lo * 0.999 && v <= hi * 1.001) {
                        all.add(v);
                        if (m == 1) {
                            decades.add(v);
                        }
                    }
                }
            }
            return all.size() <= 10 ? all : decades;
        }
    }
}
