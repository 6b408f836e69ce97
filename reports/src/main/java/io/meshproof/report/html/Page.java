package io.meshproof.report.html;

/**
 * The HTML shell of every page: one inline stylesheet, system fonts, no script and no external
 * reference, so a page opens from disk, from a CI artifact or an e-mail attachment alike.
 */
public final class Page {

    private Page() {}

    /** A complete document; {@code title} is plain text, {@code body} already-escaped HTML. */
    public static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>" + Html.escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n<main>\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    /** A result as a coloured pill. */
    public static String badge(Object result) {
        String r = Html.escape(result);
        return "<span class=\"badge " + r + "\">" + r + "</span>";
    }

    /** A support level as an outlined pill. */
    public static String support(Object support) {
        String s = Html.escape(support == null ? "unknown" : support);
        return "<span class=\"support " + s + "\">" + s + "</span>";
    }

    /** A colour swatch for legends; {@code color} is one of this module's own constants. */
    static String swatch(String color, String text) {
        return "<span><span class=\"sw\" style=\"background:" + color + "\"></span>" + Html.escape(text) + "</span>";
    }

    private static final String STYLE = """
            :root { --ink:#1f2933; --muted:#6b7785; --line:#e3e7ec; --bg:#f6f7f9;
                    --pass:#2e7d4f; --fail:#c0392b; --skip:#8a939c; --unsup:#7b6f9c; }
            * { box-sizing: border-box; }
            body { margin:0; background:var(--bg); color:var(--ink);
                   font:14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width:1180px; margin:0 auto; padding:24px 28px 64px; }
            a { color:#24588f; text-decoration:none; } a:hover { text-decoration:underline; }
            h1 { font-size:24px; margin:2px 0 2px; font-weight:650; }
            h2 { font-size:18px; margin:0; font-weight:620; }
            h3 { font-size:14px; margin:0; font-weight:600; }
            .kicker { color:var(--muted); font-size:12px; letter-spacing:.06em; text-transform:uppercase; }
            .sub, .muted { color:var(--muted); }
            .mono, code { font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size:12.5px; }
            .verdict { padding:12px 16px; border-radius:8px; font-weight:600; margin:18px 0 14px; font-size:15px; }
            .verdict.failed { background:#fbeceb; color:#8e1f14; border:1px solid #efc2bd; }
            .verdict.passed { background:#e8f4ec; color:#1e5a36; border:1px solid #bfdfca; }
            .verdict.none { background:#eef0f3; color:#4d5761; border:1px solid var(--line); }
            .tiles { display:flex; flex-wrap:wrap; gap:12px; margin:0 0 14px; }
            .tile { background:#fff; border:1px solid var(--line); border-top:4px solid var(--skip); border-radius:8px;
                    padding:8px 16px 10px; min-width:124px; }
            .tile .n { font-size:26px; font-weight:650; line-height:1.2; }
            .tile.passed { border-top-color:var(--pass); } .tile.failed { border-top-color:var(--fail); }
            .tile.unsupported { border-top-color:var(--unsup); }
            .tile.failed.some .n { color:var(--fail); }
            .facts { display:flex; flex-wrap:wrap; gap:4px 22px; margin:6px 0; }
            .facts span b { font-weight:600; }
            .badge { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600;
                     line-height:18px; white-space:nowrap; }
            .badge.passed { background:#e0f0e5; color:#1e5a36; }
            .badge.failed { background:var(--fail); color:#fff; }
            .badge.skipped { background:#eceff2; color:#4d5761; }
            .badge.unsupported { background:#ebe8f4; color:#4f4577; }
            .support { display:inline-block; padding:0 7px; border-radius:10px; font-size:12px; border:1px solid #c9d2db;
                       color:#3e4c59; line-height:18px; white-space:nowrap; }
            .support.emulated { border-color:#e3b25b; color:#7a5312; background:#fff8ea; }
            .support.unsupported { border-color:#c6bfe0; color:#4f4577; background:#f5f3fb; }
            .panel { background:#fff; border:1px solid var(--line); border-radius:8px; padding:14px 18px; margin:14px 0; }
            .panel.failures { border-left:5px solid var(--fail); }
            .panel h2 { margin-bottom:8px; }
            ul.failures { margin:0; padding:0; list-style:none; }
            ul.failures > li { padding:6px 0; border-top:1px solid var(--line); }
            ul.failures > li:first-child { border-top:0; }
            ul.failures .why { margin:2px 0 0 0; color:#5a2a24; }
            table.list { width:100%; border-collapse:collapse; background:#fff; }
            table.list th { text-align:left; font-weight:600; color:var(--muted); font-size:12px; padding:6px 10px;
                            border-bottom:1px solid var(--line); }
            table.list td { padding:7px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
            table.list tr.failed td { background:#fff6f5; }
            table.list td.num { text-align:right; white-space:nowrap; font-variant-numeric:tabular-nums; }
            table.list th.num { text-align:right; }
            section.scenario { background:#fff; border:1px solid var(--line); border-left:5px solid var(--pass);
                               border-radius:8px; padding:16px 20px; margin:22px 0; }
            section.scenario.failed { border-left-color:var(--fail); }
            section.scenario.skipped { border-left-color:var(--skip); }
            section.scenario.unsupported { border-left-color:var(--unsup); }
            .scenario-head { display:flex; gap:10px; align-items:baseline; }
            .meta { color:var(--muted); margin:4px 0 6px; }
            .reason { background:#fff7e6; border:1px solid #f0d9a8; border-radius:6px; padding:8px 12px; margin:8px 0; }
            section.failed .reason { background:#fbeceb; border-color:#efc2bd; }
            ul.notes { margin:6px 0; padding-left:20px; color:#3e4c59; }
            .check { border:1px solid var(--line); border-radius:6px; padding:10px 14px; margin:12px 0; }
            .check.failed { border-color:#e6b4ae; background:#fffafa; }
            .check-head { display:flex; gap:8px; align-items:baseline; flex-wrap:wrap; }
            .check .message { margin:6px 0 8px; }
            .check.failed .message { color:#7d1d12; font-weight:500; }
            .check-grid { display:grid; grid-template-columns:minmax(0, 1fr) minmax(0, 1.2fr); gap:18px; align-items:start; }
            .check-grid.single { grid-template-columns:minmax(0, 1fr); }
            @media (max-width: 900px) { .check-grid { grid-template-columns:minmax(0, 1fr); } }
            table.kv { border-collapse:collapse; justify-self:start; }
            table.kv th { text-align:left; color:var(--muted); font-weight:500; white-space:nowrap; padding:3px 18px 3px 0;
                          vertical-align:top; font-size:12.5px; min-width:110px; }
            table.kv td { padding:3px 0; font-family:ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
                          font-size:12.5px; overflow-wrap:anywhere; }
            table.kv tr.lead th, table.kv tr.lead td { font-size:13.5px; }
            table.kv tr.sep th, table.kv tr.sep td { border-top:1px solid var(--line); padding-top:6px; }
            .charts { display:grid; grid-template-columns:repeat(auto-fit, minmax(460px, 1fr)); gap:14px 22px; margin-top:14px; }
            figure { margin:0; }
            figcaption { font-weight:600; font-size:13px; margin-bottom:4px; }
            svg.chart { display:block; max-width:100%; height:auto; }
            svg text { font-family:inherit; }
            svg .axis { font-size:10.5px; fill:#6b7785; }
            svg .label { font-size:12px; fill:#1f2933; }
            svg .bad { fill:#c0392b; font-weight:600; }
            svg .good { fill:#2e7d4f; }
            svg .marker { font-size:9.5px; fill:#fff; font-weight:700; }
            .legend { font-size:12px; color:var(--muted); display:flex; flex-wrap:wrap; gap:2px 14px; margin-top:4px; }
            .sw { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:5px; vertical-align:-1px; }
            .sw.line { height:3px; vertical-align:3px; }
            ol.events { list-style:none; padding:0; margin:6px 0 0; font-size:12.5px; }
            ol.events li { margin:2px 0; }
            .num-dot { display:inline-block; min-width:17px; height:17px; border-radius:9px; color:#fff; font-size:10px;
                       font-weight:700; text-align:center; line-height:17px; margin-right:6px; }
            details { margin-top:8px; } summary { cursor:pointer; color:var(--muted); }
            footer { margin-top:36px; color:var(--muted); font-size:12px; }
            table.matrix { border-collapse:separate; border-spacing:0; background:#fff; border:1px solid var(--line);
                           border-radius:8px; width:100%; }
            table.matrix th, table.matrix td { padding:8px 12px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
            table.matrix thead th { vertical-align:bottom; }
            table.matrix td.cell { min-width:150px; }
            table.matrix td.cell.passed { background:#f0f8f2; } table.matrix td.cell.failed { background:#fcecea; }
            table.matrix td.cell.unsupported { background:#f5f3fb; } table.matrix td.cell.skipped { background:#f4f5f7; }
            table.matrix td.cell.none { color:#a3adb8; }
            table.matrix .counts { font-size:12px; color:#3e4c59; margin-top:3px; }
            table.matrix tr.group th { background:#f6f7f9; font-size:11px; text-transform:uppercase; letter-spacing:.06em;
                                       color:var(--muted); padding:4px 12px; }
            """;
}
