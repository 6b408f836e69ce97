package io.meshproof.report.html;

/**
 * HTML escaping for everything that did not come from this module's own code: titles, ids,
 * messages, notes, versions, evidence. Escapes the five characters that end text or an attribute,
 * so the result is safe in element content, quoted attributes and inline SVG text alike.
 */
public final class Html {

    private Html() {}

    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** An id usable as a fragment: lower-case letters, digits and dashes only. */
    public static String slug(String text) {
        String s = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }
}
