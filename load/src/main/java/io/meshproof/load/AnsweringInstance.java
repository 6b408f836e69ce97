package io.meshproof.load;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance that answered a request, as bookinfo names it: the reviews {@code podname}
 * ({@code reviews-v2-7f9c4}), and the version read from that name ({@code v2}).
 *
 * <p>The podname reaches the client in two forms: as JSON, from reviews itself or from productpage's
 * {@code /api/v1/products/0/reviews} ({@code "podname": "reviews-v2-7f9c4"}), and in productpage's HTML
 * ({@code Reviews served by:} followed by the podname).
 *
 * @param instance the podname ({@code reviews-v2-7f9c4}, {@code ratings-v1-extra-0})
 * @param version  the first {@code v<digits>} segment of the podname, null when it has none
 */
public record AnsweringInstance(String instance, String version) {

    /**
     * Finds the podname in a response body, JSON or HTML; its one capture group is the podname.
     * Pod names are DNS labels, so the group stops at the first character that cannot be in one.
     */
    public static final String PODNAME_REGEX =
            "(?:\"podname\"\\s*:\\s*\"|Reviews served by:\\s*)([A-Za-z0-9][A-Za-z0-9.-]*)";

    private static final Pattern PODNAME = Pattern.compile(PODNAME_REGEX);
    private static final Pattern VERSION_SEGMENT = Pattern.compile("v[0-9]+");

    /** The instance named in a response body, if the body names one. */
    public static Optional<AnsweringInstance> inBody(CharSequence body) {
        if (body == null) {
            return Optional.empty();
        }
        Matcher matcher = PODNAME.matcher(body);
        return matcher.find() ? Optional.of(fromPodname(matcher.group(1))) : Optional.empty();
    }

    /**
     * Reads the version from a podname: the first dash-separated segment of the form {@code v<digits>}.
     * The version comes right after the service name, before any Kubernetes hash suffix, so the first
     * such segment is the version even when a hash happens to look like one.
     */
    public static AnsweringInstance fromPodname(String podname) {
        if (podname == null || podname.isEmpty()) {
            throw new IllegalArgumentException("a podname is needed to name the answering instance");
        }
        for (String segment : podname.split("-")) {
            if (VERSION_SEGMENT.matcher(segment).matches()) {
                return new AnsweringInstance(podname, segment);
            }
        }
        return new AnsweringInstance(podname, null);
    }
}
