package io.meshproof.report.html;

import io.meshproof.report.TimelineEvent;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts per time bucket as stacked bars (outcomes, or answering versions), with the scenario's
 * events as numbered vertical lines: convergence, chaos actions, ejections. The numbers refer to
 * the event list printed under the chart.
 */
final class TimelineChart {

    private static final int WIDTH = 600;
    private static final int LEFT = 46;
    private static final int RIGHT = 16;
    private static final int PLOT_H = 120;
    private static final long[] TICK_STEPS_MS = {500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000,
            120_000, 300_000, 600_000, 1_800_000, 3_600_000};

    private TimelineChart() {}

    /**
     * @param keys   the keys of {@code counts} in stacking order (bottom first)
     * @param events sorted by time; event {@code i} is drawn with the number {@code i + 1}
     */
    static String render(String label, long startMs, long bucketMs, Map<String, List<Integer>> counts,
                         List<String> keys, Function<String, String> color, List<TimelineEvent> events) {
        int buckets = counts.values().stream().mapToInt(List::size).max().orElse(0);
        if (buckets == 0) {
            return "";
        }
        double from = startMs;
        double to = startMs + buckets * (double) bucketMs;
        for (TimelineEvent e : events) {
            from = Math.min(from, e.atMs() - bucketMs / 2.0);
            to = Math.max(to, e.atMs() + bucketMs / 2.0);
        }
        int[] totals = new int[buckets];
        counts.values().forEach(list -> {
            for (int i = 0; i < list.size(); i++) {
                totals[i] += list.get(i);
            }
        });
        int max = Math.max(1, java.util.Arrays.stream(totals).max().orElse(1));

        int markerRows = markerRows(events, from, to);
        int top = 12 + 16 * markerRows;
        double bottom = top + PLOT_H;
        int height = (int) bottom + 30;
        final double f = from;
        final double t = to;
        Function<Double, Double> x = ms -> LEFT + (WIDTH - LEFT - RIGHT) * (ms - f) / (t - f);

        Svg svg = new Svg(WIDTH, height, label);
        long step = tickStep(to - from);
        for (long tick = (long) Math.ceil(from / step) * step; tick <= to; tick += step) {
            svg.line(x.apply((double) tick), top, x.apply((double) tick), bottom, Palette.GRID, 1, null);
            svg.text(x.apply((double) tick), bottom + 14, Format.axisSeconds(tick), "middle", "axis");
        }
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, Palette.MUTED, 1, null);
        svg.text(LEFT - 6, top + 8, Integer.toString(max), "end", "axis");
        svg.text(LEFT - 6, bottom, "0", "end", "axis");

        double barW = x.apply((double) startMs + bucketMs) - x.apply((double) startMs);
        for (int i = 0; i < buckets; i++) {
            double bucketStart = startMs + (double) i * bucketMs;
            double y = bottom;
            for (String key : keys) {
                List<Integer> list = counts.get(key);
                int c = list == null || i >= list.size() ? 0 : list.get(i);
                if (c == 0) {
                    continue;
                }
                double h = PLOT_H * c / (double) max;
                svg.rect(x.apply(bucketStart) + 0.5, y - h, Math.max(0.5, barW - 1), h, color.apply(key),
                        Format.axisSeconds(bucketStart) + " – " + Format.axisSeconds(bucketStart + bucketMs)
                                + ": " + key + " " + c + " of " + totals[i]);
                y -= h;
            }
        }

        double lastX = Double.NEGATIVE_INFINITY;
        int level = 0;
        for (int i = 0; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            double ex = x.apply((double) e.atMs());
            level = ex - lastX < 16 ? Math.min(level + 1, markerRows - 1) : 0;
            lastX = ex;
            String c = Palette.event(e.kind());
            boolean dashed = !"kill".equals(e.kind()) && !"restart".equals(e.kind())
                    && !"controlPlaneOutage".equals(e.kind());
            double my = 8 + 16 * level;
            svg.line(ex, my + 6, ex, bottom, c, 1.5, dashed ? "4 3" : null);
            svg.circle(ex, my, 7, c, null, Format.axisSeconds(e.atMs()) + " " + e.kind() + ": " + e.detail());
            svg.text(ex, my + 3.5, Integer.toString(i + 1), "middle", "marker");
        }
        return svg.end();
    }

    private static int markerRows(List<TimelineEvent> events, double from, double to) {
        int rows = 1;
        int level = 0;
        double lastX = Double.NEGATIVE_INFINITY;
        for (TimelineEvent e : events) {
            double ex = (WIDTH - LEFT - RIGHT) * (e.atMs() - from) / (to - from);
            level = ex - lastX < 16 ? Math.min(level + 1, 2) : 0;
            rows = Math.max(rows, level + 1);
            lastX = ex;
        }
        return rows;
    }

    private static long tickStep(double spanMs) {
        for (long s : TICK_STEPS_MS) {
            if (spanMs / s <= 8) {
                return s;
            }
        }
        return (long) Math.ceil(spanMs / 8 / 3_600_000) * 3_600_000;
    }
}
