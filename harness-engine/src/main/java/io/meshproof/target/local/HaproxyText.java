package io.meshproof.target.local;

/** Writing values into HAProxy configuration safely. */
final class HaproxyText {

    private HaproxyText() {
    }

    /** A double-quoted HAProxy word; quotes, backslashes and control characters escaped so a value cannot add lines. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\' || c == '$') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** A duration in HAProxy's notation, in milliseconds ({@code 1500ms}). */
    static String millis(java.time.Duration d) {
        return Math.max(1, d.toMillis()) + "ms";
    }
}
