package io.meshproof.report.html;

import io.meshproof.report.CheckReport;
import io.meshproof.report.EvidenceKeys;
import io.meshproof.report.Result;

/**
 * A fraction check (status, rejected, share of slow requests) on one axis: the allowed range
 * shaded, the observed share as a dot with its confidence interval. The axis zooms in on the
 * values, since "99.8% against >= 99%" is invisible on 0..100.
 */
final class FractionChart {

    private static final int LEFT = 20;
    private static final int AXIS = 430;
    private static final int WIDTH = LEFT + AXIS + 122;
    private static final int HEIGHT = 62;

    private FractionChart() {}

    static boolean applies(CheckReport check) {
        return EvidenceReader.number(check.evidence().get(EvidenceKeys.COUNT)) != null
                && EvidenceReader.number(check.evidence().get(EvidenceKeys.N)) != null;
    }

    static String render(CheckReport check) {
        double count = EvidenceReader.number(check.evidence().get(EvidenceKeys.COUNT));
        double n = EvidenceReader.number(check.evidence().get(EvidenceKeys.N));
        if (n <= 0) {
            return "";
        }
        double share = 100 * count / n;
        double[] interval = EvidenceReader.range(check.evidence().get(EvidenceKeys.INTERVAL));
        double[] bound = EvidenceReader.bound(check.evidence().get(EvidenceKeys.BOUND));
        if (bound == null) {
            bound = EvidenceReader.bound(check.expected());
        }

        double lo = share;
        double hi = share;
        for (double[] r : new double[][] {interval, bound}) {
            if (r != null) {
                lo = Math.min(lo, r[0]);
                hi = Math.max(hi, r[1]);
            }
        }
        double pad = Math.max(1, (hi - lo) * 0.15);
        double[] domain = niceDomain(Math.max(0, lo - pad), Math.min(100, hi + pad));
        Scale scale = new Scale(domain[0], domain[1]);

        boolean failed = check.result() == Result.failed;
        Svg svg = new Svg(WIDTH, HEIGHT, "observed share with its confidence interval against the bound");
        double step = tickStep(domain[1] - domain[0]);
        for (int i = 0; domain[0] + i * step <= domain[1] + 1e-9; i++) {
            double t = domain[0] + i * step;
            svg.line(scale.x(t), 8, scale.x(t), 36, Palette.GRID, 1, null);
            svg.text(scale.x(t), 52, Format.percent(t), "middle", "axis");
        }
        svg.rect(LEFT, 14, AXIS, 16, Palette.TRACK, null);
        if (bound != null) {
            double from = scale.x(bound[0]);
            double width = scale.x(bound[1]) - from;
            String fill = Palette.ACCEPT;
            if (width < 5) { // "0%" or "100%": one value allowed, drawn as a band wide enough to see
                from = Math.max(LEFT, Math.min(LEFT + AXIS - 5, from + width / 2 - 2.5));
                width = 5;
                fill = Palette.GOOD;
            }
            svg.rect(from, 14, width, 16, fill,
                    "allowed: " + Format.percent(bound[0]) + " – " + Format.percent(bound[1]));
        }
        String color = failed ? Palette.BAD : Palette.OBSERVED;
        if (interval != null) {
            svg.whisker(scale.x(interval[0]), scale.x(interval[1]), 22, 6, Palette.INK);
        }
        svg.circle(scale.x(share), 22, 5, color, "#ffffff",
                Format.percent(share) + " (" + Format.number(count) + " of " + Format.number(n) + ")");
        svg.text(LEFT + AXIS + 12, 26, Format.percent(share) + " of " + Format.number(n), "start",
                failed ? "label bad" : "label");
        return svg.end();
    }

    /** Round ends so the ticks fall on whole numbers. */
    private static double[] niceDomain(double lo, double hi) {
        double step = tickStep(hi - lo);
        return new double[] {Math.max(0, Math.floor(lo / step) * step), Math.min(100, Math.ceil(hi / step) * step)};
    }

    private static double tickStep(double span) {
        for (double s : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25}) {
            if (span / s <= 6) {
                return s;
            }
        }
        return 25;
    }

    private record Scale(double from, double to) {
        double x(double v) {
            double clamped = Math.max(from, Math.min(to, v));
            return LEFT + AXIS * (to == from ? 0.5 : (clamped - from) / (to - from));
        }
    }
}
