package io.meshproof.engine.convergence;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.bookinfo.BookinfoCatalog;
import io.meshproof.load.ConnectionError;
import io.meshproof.scenario.Authorization;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Route;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Derives, from a scenario's mesh state and traffic, a probe that only the new state can satisfy
 * (DESIGN.md section 6). Where no request can tell the new state from the old one, there is no
 * probe and the gate relies on the target's own "applied" signal.
 */
public final class ProbeDerivation {

    /** The chance that the old state passes the probe by luck must stay below this. */
    static final double CHANCE_PASS = 1e-3;
    static final int MIN_CONSECUTIVE = 10;

    /** The derivations, most telling first: the first that finds a probe wins. */
    private static final List<Function<Scenario, Optional<Probe>>> DERIVATIONS = List.of(
            ProbeDerivation::abortEverything,
            ProbeDerivation::reviewsVersion,
            ProbeDerivation::strictRefusesOutsider,
            ProbeDerivation::authorizationRefuses);

    private static final Pattern REVIEWS_VIA_PRODUCTPAGE = Pattern.compile("/productpage.*|/api/v1/products/\\d+/reviews.*");

    private ProbeDerivation() {
    }

    public static Optional<Probe> derive(Scenario scenario) {
        for (var derivation : DERIVATIONS) {
            Optional<Probe> probe = derivation.apply(scenario);
            if (probe.isPresent()) {
                return probe;
            }
        }
        return Optional.empty();
    }

    /** A route on reviews that sends this traffic to some versions only: answers must come from those. */
    static Optional<Probe> reviewsVersion(Scenario scenario) {
        Traffic traffic = scenario.traffic();
        if (!reachesReviews(traffic)) {
            return Optional.empty();
        }
        Optional<Route> route = scenario.mesh().routes().stream().filter(r -> r.service().equals("reviews")).findFirst();
        if (route.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> headers = headersAtReviews(traffic);
        Optional<Route.Rule> rule = route.get().rules().stream().filter(r -> matches(r, headers)).findFirst();
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        if (mayFailOrTimeOut(rule.get())) {
            return Optional.empty(); // its answers need not name a version
        }
        Set<String> allowed = new TreeSet<>();
        rule.get().backends().stream().filter(b -> b.weightOr100() > 0).forEach(b -> allowed.add(b.version()));
        List<String> all = BookinfoCatalog.VERSIONS.get("reviews");
        if (allowed.size() >= all.size()) {
            return Optional.empty();
        }
        // the old state is stock round robin over every version: each answer lands in the allowed set with this chance
        double q = (double) allowed.size() / all.size();
        int consecutive = Math.max(MIN_CONSECUTIVE, (int) Math.ceil(Math.log(CHANCE_PASS) / Math.log(q)));
        return Optional.of(new Probe("answers only from reviews " + String.join(", ", allowed),
                response -> response.status() == 200 && allowed.contains(response.version()), consecutive));
    }

    /**
     * An abort at 100% on the route of the service the traffic calls, for this traffic's headers: every
     * answer has the abort's status. Only from a meshed client (the outsider's requests meet no client-side
     * rule), for a status other than 2xx, and only where no instance of that service was set up to fail:
     * then the stock state never answers that status, so N in a row are the new state's. A rule that also
     * delays is left out, as N delayed probes could outlast the gate.
     */
    static Optional<Probe> abortEverything(Scenario scenario) {
        Traffic traffic = scenario.traffic();
        String service = traffic.destination();
        if (traffic.from() == Traffic.Source.outsider || setUpToFail(scenario, service)) {
            return Optional.empty();
        }
        Optional<Route> route = scenario.mesh().routes().stream().filter(r -> r.service().equals(service)).findFirst();
        Optional<Route.Rule> rule = route.flatMap(r -> r.rules().stream().filter(x -> matches(x, headersFromClient(traffic))).findFirst());
        if (rule.isEmpty() || rule.get().fault() == null) {
            return Optional.empty();
        }
        Route.Fault fault = rule.get().fault();
        if (fault.abort() == null || fault.abort().percent() < 100 || fault.delay() != null && fault.delay().percent() > 0) {
            return Optional.empty();
        }
        int status = fault.abort().status();
        if (status / 100 == 2) {
            return Optional.empty(); // the stock state answers 2xx as well
        }
        return Optional.of(new Probe("every answer is the injected " + status, response -> response.status() == status, MIN_CONSECUTIVE));
    }

    private static boolean setUpToFail(Scenario scenario, String service) {
        return scenario.setup().instances().stream()
                .anyMatch(i -> i.service().equals(service) && i.behaviorOrHealthy() != Behavior.healthy);
    }

    /** Answers of a rule that can time out or abort need not come from a version. */
    private static boolean mayFailOrTimeOut(Route.Rule rule) {
        return rule.timeout() != null || rule.fault() != null && rule.fault().abort() != null && rule.fault().abort().percent() > 0;
    }

    /** The headers the client's sidecar sees: the request's, and end-user from a tester (the ingress sends a session cookie instead). */
    private static Map<String, String> headersFromClient(Traffic traffic) {
        Map<String, String> headers = new HashMap<>(traffic.request().headers());
        if (traffic.user() != null && traffic.from() == Traffic.Source.tester) {
            headers.put("end-user", traffic.user());
        }
        return headers;
    }

    private static boolean reachesReviews(Traffic traffic) {
        if (traffic.destination().equals("reviews")) {
            return true;
        }
        return traffic.destination().equals("productpage") && REVIEWS_VIA_PRODUCTPAGE.matcher(traffic.request().path()).matches();
    }

    /** The headers reviews sees: productpage sets end-user from the session; a tester sends its own. */
    private static Map<String, String> headersAtReviews(Traffic traffic) {
        Map<String, String> headers = new HashMap<>();
        if (traffic.destination().equals("reviews")) {
            headers.putAll(traffic.request().headers());
        }
        if (traffic.user() != null) {
            headers.put("end-user", traffic.user());
        }
        return headers;
    }

    private static boolean matches(Route.Rule rule, Map<String, String> headers) {
        return rule.match() == null || rule.match().headers().entrySet().stream()
                .allMatch(h -> h.getValue().equals(headers.get(h.getKey())));
    }

    /** STRICT mTLS and a caller outside the mesh: every request refused, in whatever form the target refuses. */
    static Optional<Probe> strictRefusesOutsider(Scenario scenario) {
        if (scenario.mesh().mtls() != MeshState.MtlsMode.STRICT || scenario.traffic().from() != Traffic.Source.outsider) {
            return Optional.empty();
        }
        // the stock state serves plaintext callers: a refusal happens under the new state only
        return Optional.of(new Probe("every request refused (mTLS STRICT against a plaintext caller)",
                ProbeDerivation::refused, MIN_CONSECUTIVE));
    }

    /** An authorization policy of the called service refuses this very request: every probe gets 403. */
    static Optional<Probe> authorizationRefuses(Scenario scenario) {
        Traffic traffic = scenario.traffic();
        String service = traffic.destination();
        String method = traffic.request().method();
        String path = traffic.request().path();
        List<Authorization> policies = scenario.mesh().authorization();
        boolean refused = switch (traffic.from()) {
            case tester -> Authorization.refuses(policies, service, "tester", method, path);
            case outsider -> Authorization.refuses(policies, service, null, method, path);
            // the ingress has an identity on some targets and none on others: derive only when both refuse
            case ingress -> Authorization.refuses(policies, service, "ingress", method, path)
                    && Authorization.refuses(policies, service, null, method, path);
        };
        if (!refused) {
            return Optional.empty();
        }
        return Optional.of(new Probe("every request answered 403 by the authorization of " + service,
                response -> response.error() == ConnectionError.NONE && response.status() == 403, MIN_CONSECUTIVE));
    }

    private static boolean refused(ProbeResponse response) {
        return response.error() == ConnectionError.RESET || response.error() == ConnectionError.REFUSED
                || (response.error() == ConnectionError.NONE && response.status() == 403);
    }
}
