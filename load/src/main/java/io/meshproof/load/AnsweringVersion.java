package io.meshproof.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which reviews instance answered, read from a response body: the {@code podname} of reviews' JSON
 * (directly or through productpage's API), or the "Reviews served by" line of productpage's page.
 * Pod names follow Kubernetes: {@code reviews-v2-7f9c4} (deployment {@code reviews-v2}, version {@code v2}).
 */
public record AnsweringVersion(String instance, String version) {

    public static final AnsweringVersion UNKNOWN = new AnsweringVersion(null, null);

    private static final Pattern JSON_PODNAME = Pattern.compile("\"podname\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HTML_SERVED_BY = Pattern.compile("Reviews served by:\\s*(?:<[^>]+>\\s*)*([A-Za-z0-9.-]+)");
    private static final Pattern VERSION_IN_NAME = Pattern.compile("-(v\\d+)(?:-|$)");

    public static AnsweringVersion of(String body) {
        if (body == null || body.isEmpty()) {
            return UNKNOWN;
        }
        Matcher m = JSON_PODNAME.matcher(body);
        if (!m.find()) {
            m = HTML_SERVED_BY.matcher(body);
            if (!m.find()) {
                return UNKNOWN;
            }
        }
        String instance = m.group(1);
        Matcher v = VERSION_IN_NAME.matcher(instance);
        return new AnsweringVersion(instance, v.find() ? v.group(1) : null);
    }
}
