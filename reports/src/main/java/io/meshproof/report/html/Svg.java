package io.meshproof.report.html;

import java.util.Locale;

/**
 * A small inline-SVG writer: shapes with explicit colours, text always escaped. Charts are drawn in
 * a fixed coordinate system and scale with the page through the view box.
 */
final class Svg {

    private final StringBuilder b = new StringBuilder();

    Svg(int width, int height, String label) {
        b.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\">");
    }

    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(0, w)))
                .append("\" height=\"").append(n(Math.max(0, h))).append("\" fill=\"").append(fill).append('"');
        return closeWithTooltip("rect", tooltip);
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        b.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(width)).append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        b.append("/>");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String stroke, String tooltip) {
        b.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            b.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        }
        return closeWithTooltip("circle", tooltip);
    }

    Svg polyline(String points, String stroke, double width) {
        b.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(width)).append("\" stroke-linejoin=\"round\"/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code cls} a class of the page's stylesheet or null. */
    Svg text(double x, double y, String text, String anchor, String cls) {
        b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (!"start".equals(anchor)) {
            b.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (cls != null) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append('>').append(Html.escape(text)).append("</text>");
        return this;
    }

    /** An interval as a horizontal whisker with end caps. */
    Svg whisker(double x1, double x2, double y, double cap, String stroke) {
        line(x1, y, x2, y, stroke, 1.5, null);
        line(x1, y - cap, x1, y + cap, stroke, 1.5, null);
        return line(x2, y - cap, x2, y + cap, stroke, 1.5, null);
    }

    String end() {
        return b.append("</svg>").toString();
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip == null) {
            b.append("/>");
        } else {
            b.append("><title>").append(Html.escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
