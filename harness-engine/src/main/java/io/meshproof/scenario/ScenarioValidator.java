package io.meshproof.scenario;

import io.meshproof.bookinfo.Behavior;

import io.meshproof.bookinfo.BookinfoCatalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks what a well-formed scenario means: known services and versions, weights, bounds, one action each. */
final class ScenarioValidator {

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]+");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    /** Retry conditions every target can express (Istio's retryOn names). */
    static final Set<String> RETRY_ON = Set.of("5xx", "gateway-error", "connect-failure", "reset", "refused-stream", "retriable-4xx");

    private final Scenario s;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    ScenarioValidator(Scenario scenario) {
        this.s = scenario;
    }

    List<ScenarioProblem> problems() {
        header();
        setup();
        mesh();
        traffic();
        chaos();
        expectations();
        return problems;
    }

    private void header() {
        if (s.id() == null || s.id().isBlank()) {
            problem("", "the scenario has no id", "add a line such as 'id: reviews-canary-90-10' (kebab-case, unique)");
        } else if (!KEBAB.matcher(s.id()).matches()) {
            problem("/id", "id '" + s.id() + "' is not kebab-case", "use lower-case letters, digits and dashes, such as 'reviews-canary-90-10'");
        }
        if (s.title() == null || s.title().isBlank()) {
            problem("", "the scenario has no title", "add 'title:' with one sentence saying what the mesh should do");
        }
        if (s.feature() == null) {
            problem("", "the scenario has no feature", "add 'feature:' with one of " + List.of(Feature.values()));
        }
    }

    private void setup() {
        for (int i = 0; i < s.setup().instances().size(); i++) {
            Setup.ExtraInstances extra = s.setup().instances().get(i);
            String at = "/setup/instances/" + i;
            serviceVersion(at, extra.service(), extra.version());
            if (extra.count() != null && extra.count() < 1) {
                problem(at + "/count", "count must be at least 1", "give the number of extra instances, or leave count out for 1");
            }
        }
    }

    private void mesh() {
        MeshState mesh = s.mesh();
        for (int r = 0; r < mesh.routes().size(); r++) {
            route("/mesh/routes/" + r, mesh.routes().get(r));
        }
        for (int d = 0; d < mesh.destinations().size(); d++) {
            destination("/mesh/destinations/" + d, mesh.destinations().get(d));
        }
        for (int a = 0; a < mesh.authorization().size(); a++) {
            authorization("/mesh/authorization/" + a, mesh.authorization().get(a));
        }
        for (int l = 0; l < mesh.rateLimits().size(); l++) {
            RateLimit limit = mesh.rateLimits().get(l);
            String at = "/mesh/rateLimits/" + l;
            service(at + "/service", limit.service());
            if (limit.requestsPerSecond() < 1) {
                problem(at + "/requestsPerSecond", "requestsPerSecond must be at least 1", "give the allowed requests per second per instance");
            }
        }
    }

    private void route(String at, Route route) {
        if (!service(at + "/service", route.service())) {
            return;
        }
        if (route.rules().isEmpty()) {
            problem(at, "route for " + route.service() + " has no rules", "add 'rules:' with at least one rule with backends");
        }
        for (int i = 0; i < route.rules().size(); i++) {
            String ruleAt = at + "/rules/" + i;
            Route.Rule rule = route.rules().get(i);
            if (rule.match() == null && i < route.rules().size() - 1) {
                problem(ruleAt, "rule " + i + " has no match, so the rules after it can never apply",
                        "put the rule without match last: the first match wins");
            }
            if (rule.match() != null) {
                rule.match().headers().forEach((name, value) -> header(ruleAt + "/match/headers/" + name, name, value));
            }
            if (rule.match() != null && rule.match().headers().isEmpty()) {
                problem(ruleAt + "/match", "match has no headers", "write match: {headers: {end-user: jason}}, or remove match for a default rule");
            }
            backends(ruleAt + "/backends", route.service(), rule.backends());
            positive(ruleAt + "/timeout", "timeout", rule.timeout());
            if (rule.retries() != null) {
                Route.Retries retries = rule.retries();
                if (retries.attempts() < 1) {
                    problem(ruleAt + "/retries/attempts", "retries.attempts must be at least 1", "give the number of retries after the first try");
                }
                positive(ruleAt + "/retries/perTryTimeout", "perTryTimeout", retries.perTryTimeout());
                for (String on : retries.on()) {
                    if (!RETRY_ON.contains(on)) {
                        problem(ruleAt + "/retries/on", "unknown retry condition '" + on + "'", "use some of " + RETRY_ON);
                    }
                }
            }
            if (rule.fault() != null) {
                fault(ruleAt + "/fault", rule.fault());
            }
        }
    }

    private void backends(String at, String service, List<Route.Backend> backends) {
        if (backends.isEmpty()) {
            problem(at, "the rule has no backends", "add backends: [{version: v1}] (with weights that add up to 100 for a split)");
            return;
        }
        int sum = 0;
        for (int b = 0; b < backends.size(); b++) {
            Route.Backend backend = backends.get(b);
            version(at + "/" + b + "/version", service, backend.version());
            if (backends.size() > 1 && backend.weight() == null) {
                problem(at + "/" + b, "backend " + backend.version() + " has no weight in a split", "give every backend of a split a weight; the weights add up to 100");
            }
            if (backend.weight() != null && (backend.weight() < 0 || backend.weight() > 100)) {
                problem(at + "/" + b + "/weight", "weight " + backend.weight() + " is outside 0..100", "weights are percentages");
            }
            sum += backend.weightOr100();
        }
        if (sum != 100) {
            problem(at, "weights add up to " + sum + ", not 100", "change the weights so that they add up to 100");
        }
    }

    private void header(String at, String name, String value) {
        if (!HEADER_NAME.matcher(name).matches()) {
            problem(at, "'" + name + "' is not an HTTP header name", "use letters, digits and dashes, such as end-user");
        }
        if (value == null || !HEADER_VALUE.matcher(value).matches()) {
            problem(at, "the value of header " + name + " is empty or holds control characters", "use printable text, such as jason");
        }
    }

    private void fault(String at, Route.Fault fault) {
        if (fault.delay() == null && fault.abort() == null) {
            problem(at, "fault names neither delay nor abort", "write fault: {delay: {fixed: 2s, percent: 100}} or fault: {abort: {status: 500, percent: 50}}");
        }
        if (fault.delay() != null) {
            positive(at + "/delay/fixed", "delay.fixed", fault.delay().fixed());
            if (fault.delay().fixed() == null) {
                problem(at + "/delay", "delay has no 'fixed' duration", "write delay: {fixed: 2s, percent: 100}");
            }
            percent(at + "/delay/percent", fault.delay().percent());
        }
        if (fault.abort() != null) {
            if (fault.abort().status() < 200 || fault.abort().status() > 599) {
                problem(at + "/abort/status", "abort status " + fault.abort().status() + " is not an HTTP status", "use a status between 200 and 599, such as 500 or 503");
            }
            percent(at + "/abort/percent", fault.abort().percent());
        }
    }

    private void destination(String at, Destination destination) {
        service(at + "/service", destination.service());
        if (destination.connectionPool() == null && destination.outlierDetection() == null) {
            problem(at, "destination for " + destination.service() + " sets neither connectionPool nor outlierDetection", "add one of them, or remove the entry");
        }
        Destination.ConnectionPool pool = destination.connectionPool();
        if (pool != null) {
            if (pool.maxConnections() == null && pool.maxPendingRequests() == null) {
                problem(at + "/connectionPool", "connectionPool sets no limit", "give maxConnections and/or maxPendingRequests");
            }
            atLeast(at + "/connectionPool/maxConnections", "maxConnections", pool.maxConnections(), 1);
            atLeast(at + "/connectionPool/maxPendingRequests", "maxPendingRequests", pool.maxPendingRequests(), 0);
        }
        Destination.OutlierDetection outlier = destination.outlierDetection();
        if (outlier != null) {
            atLeast(at + "/outlierDetection/consecutive5xx", "consecutive5xx", outlier.consecutive5xx(), 1);
            positive(at + "/outlierDetection/interval", "interval", outlier.interval());
            positive(at + "/outlierDetection/baseEjectionTime", "baseEjectionTime", outlier.baseEjectionTime());
        }
    }

    private void authorization(String at, Authorization authz) {
        service(at + "/service", authz.service());
        if (authz.action() == null) {
            problem(at, "authorization for " + authz.service() + " has no action", "write action: ALLOW or action: DENY");
        }
        for (int r = 0; r < authz.rules().size(); r++) {
            Authorization.Rule rule = authz.rules().get(r);
            String ruleAt = at + "/rules/" + r;
            for (String from : rule.from()) {
                if (!BookinfoCatalog.IDENTITIES.contains(from)) {
                    problem(ruleAt + "/from", "unknown workload '" + from + "' in from", "use workload names: " + BookinfoCatalog.IDENTITIES);
                }
            }
            for (String method : rule.methods()) {
                if (!METHODS.contains(method)) {
                    problem(ruleAt + "/methods", "unknown method '" + method + "'", "use upper-case HTTP methods: " + METHODS);
                }
            }
            for (String path : rule.paths()) {
                if (!path.startsWith("/")) {
                    problem(ruleAt + "/paths", "path '" + path + "' does not start with /", "write an absolute path, optionally ending in * for a prefix, such as /reviews/*");
                }
            }
        }
    }

    private void traffic() {
        Traffic t = s.traffic();
        if (t == null) {
            problem("", "the scenario has no traffic", "add traffic: {from: ingress, request: {path: /productpage}, rate: 50/s}");
            return;
        }
        if (t.from() == null) {
            problem("/traffic", "traffic has no 'from'", "write from: ingress, tester or outsider");
        }
        if (t.to() != null) {
            if (service("/traffic/to", t.to()) && t.from() == Traffic.Source.ingress && !t.to().equals("productpage")) {
                problem("/traffic/to", "traffic from ingress enters at productpage, not " + t.to(), "remove 'to', or use from: tester to call " + t.to() + " from inside the mesh");
            }
        } else if (t.from() != null && t.from() != Traffic.Source.ingress) {
            problem("/traffic", "traffic from " + t.from() + " needs 'to', the service it calls", "add to: reviews (or another bookinfo service)");
        }
        if (t.user() != null && t.from() == Traffic.Source.outsider) {
            problem("/traffic/user", "an outsider has no user", "remove 'user', or send the header in request.headers");
        }
        if (t.request() == null || t.request().path() == null) {
            problem("/traffic", "traffic has no request path", "add request: {method: GET, path: /api/v1/products/0/reviews}");
        } else {
            t.request().headers().forEach((name, value) -> header("/traffic/request/headers/" + name, name, value));
            if (!t.request().path().startsWith("/")) {
                problem("/traffic/request/path", "path '" + t.request().path() + "' does not start with /", "write an absolute path such as /productpage");
            }
            if (!METHODS.contains(t.request().method())) {
                problem("/traffic/request/method", "unknown method '" + t.request().method() + "'", "use one of " + METHODS);
            }
        }
        if ((t.rate() == null) == (t.concurrency() == null)) {
            problem("/traffic", "traffic needs exactly one of 'rate' (open model) or 'concurrency' (closed model)", "write rate: 50/s, or concurrency: 10");
        }
        atLeast("/traffic/concurrency", "concurrency", t.concurrency(), 1);
        atLeast("/traffic/requests", "requests", t.requests(), 1);
        positive("/traffic/duration", "duration", t.duration());
        if (t.requests() != null && t.duration() != null) {
            problem("/traffic", "traffic gives both requests and duration", "give one of them, or neither to let the harness plan the sample size");
        }
    }

    private void chaos() {
        for (int i = 0; i < s.chaos().size(); i++) {
            ChaosAction action = s.chaos().get(i);
            String at = "/chaos/" + i;
            if (action.at() == null) {
                problem(at, "chaos action has no 'at'", "write at: 5s, the time after the load starts");
            }
            int actions = (action.kill() != null ? 1 : 0) + (action.restart() != null ? 1 : 0) + (action.controlPlaneOutage() != null ? 1 : 0);
            if (actions != 1) {
                problem(at, "a chaos action names exactly one of kill, restart, controlPlaneOutage; this one names " + actions,
                        "write {at: 5s, kill: {service: reviews, version: v1, count: 1}} or {at: 5s, controlPlaneOutage: {duration: 10s}}");
            }
            for (ChaosAction.InstanceAction instances : java.util.Arrays.asList(action.kill(), action.restart())) {
                if (instances != null) {
                    serviceVersion(at, instances.service(), instances.version());
                    atLeast(at + "/count", "count", instances.count(), 1);
                }
            }
            if (action.controlPlaneOutage() != null) {
                positive(at + "/controlPlaneOutage/duration", "duration", action.controlPlaneOutage().duration());
                if (action.controlPlaneOutage().duration() == null) {
                    problem(at + "/controlPlaneOutage", "controlPlaneOutage has no duration", "write controlPlaneOutage: {duration: 10s}");
                }
            }
        }
    }

    private void expectations() {
        if (s.expect().isEmpty()) {
            problem("", "the scenario expects nothing", "add expect: with at least one check (split, status, latency, rejected, ejected)");
        }
        for (int i = 0; i < s.expect().size(); i++) {
            String at = "/expect/" + i + "/" + s.expect().get(i).kind();
            Expectation e = s.expect().get(i);
            if (e instanceof Expectation.Split split) {
                split(at, split);
            } else if (e instanceof Expectation.Status status) {
                status(at, status);
            } else if (e instanceof Expectation.Latency latency) {
                latency(at, latency);
            } else if (e instanceof Expectation.Rejected rejected) {
                fraction(at, rejected.fraction());
            } else if (e instanceof Expectation.Ejected ejected) {
                ejected(at, ejected);
            }
        }
    }

    private void status(String at, Expectation.Status status) {
        if ((status.code() == null) == (status.statusClass() == null)) {
            problem(at, "status needs exactly one of 'code' or 'class'", "write status: {code: 200, fraction: \">= 99%\"} or status: {class: 5xx, fraction: \"0%\"}");
        }
        if (status.code() != null && (status.code() < 100 || status.code() > 599)) {
            problem(at + "/code", status.code() + " is not an HTTP status", "use a code between 100 and 599");
        }
        if (status.statusClass() != null && !status.statusClass().matches("[1-5]xx")) {
            problem(at + "/class", "'" + status.statusClass() + "' is not a status class", "write 2xx, 4xx or 5xx");
        }
        fraction(at, status.fraction());
    }

    private void ejected(String at, Expectation.Ejected ejected) {
        service(at + "/service", ejected.service());
        if (ejected.behavior() == null || ejected.behavior() == Behavior.healthy) {
            problem(at, "ejected needs the behavior of the bad instances", "write behavior: unavailable (or faulty, delayed), as in setup.instances");
        }
        if (ejected.within() == null || ejected.within() < 1) {
            problem(at, "ejected needs 'within', a number of requests of at least 1", "write within: 20");
        }
    }

    private void split(String at, Expectation.Split split) {
        if (!service(at + "/service", split.service())) {
            return;
        }
        if (split.weights() == null || split.weights().isEmpty()) {
            problem(at, "split has no weights", "write weights: {v1: 90, v2: 10}");
            return;
        }
        int sum = 0;
        for (Map.Entry<String, Integer> w : split.weights().entrySet()) {
            version(at + "/weights/" + w.getKey(), split.service(), w.getKey());
            if (w.getValue() == null || w.getValue() < 0 || w.getValue() > 100) {
                problem(at + "/weights/" + w.getKey(), "weight of " + w.getKey() + " is outside 0..100", "weights are percentages");
            } else {
                sum += w.getValue();
            }
        }
        if (sum != 100) {
            problem(at + "/weights", "weights add up to " + sum + ", not 100", "change the weights so that they add up to 100");
        }
        if (split.tolerance() != null && (split.tolerance() <= 0 || split.tolerance() >= 50)) {
            problem(at + "/tolerance", "tolerance " + split.tolerance() + " is outside (0, 50) percentage points", "use a tolerance such as 5 (points)");
        }
    }

    private void latency(String at, Expectation.Latency latency) {
        boolean percentileForm = latency.percentile() != null;
        boolean fractionForm = latency.slowerThan() != null;
        if (percentileForm == fractionForm) {
            problem(at, "latency needs either 'percentile' (with atLeast or below) or 'slowerThan' (with fraction)",
                    "write latency: {percentile: 50, atLeast: 2s} or latency: {slowerThan: 1s, fraction: \"40%..60%\"}");
            return;
        }
        if (percentileForm) {
            if (latency.percentile() <= 0 || latency.percentile() >= 100) {
                problem(at + "/percentile", "percentile " + latency.percentile() + " is outside (0, 100)", "use a percentile such as 50 or 99");
            }
            if ((latency.atLeast() == null) == (latency.below() == null)) {
                problem(at, "a percentile bound needs exactly one of 'atLeast' or 'below'", "write atLeast: 2s or below: 300ms");
            }
            if (latency.fraction() != null) {
                problem(at + "/fraction", "fraction goes with slowerThan, not with percentile", "remove fraction, or use slowerThan");
            }
            positive(at + "/atLeast", "atLeast", latency.atLeast());
            positive(at + "/below", "below", latency.below());
        } else {
            positive(at + "/slowerThan", "slowerThan", latency.slowerThan());
            fraction(at, latency.fraction());
            if (latency.atLeast() != null || latency.below() != null) {
                problem(at, "atLeast and below go with percentile, not with slowerThan", "remove them, or use percentile");
            }
        }
    }

    private void fraction(String at, Fraction fraction) {
        if (fraction == null) {
            problem(at, "the check has no fraction", "write fraction: \">= 99%\", \"<= 5%\", \"40%..60%\", \"0%\" or \"100%\"");
        }
    }

    private boolean service(String at, String service) {
        if (service == null) {
            problem(at, "no service given", "name a bookinfo service: " + BookinfoCatalog.VERSIONS.keySet());
            return false;
        }
        if (!BookinfoCatalog.hasService(service)) {
            problem(at, "unknown service '" + service + "'", "use a bookinfo service: " + BookinfoCatalog.VERSIONS.keySet().stream().sorted().toList());
            return false;
        }
        return true;
    }

    private void serviceVersion(String at, String service, String version) {
        if (service(at + "/service", service)) {
            version(at + "/version", service, version);
        }
    }

    private void version(String at, String service, String version) {
        if (version == null) {
            problem(at, "no version given", "name a version of " + service + ": " + BookinfoCatalog.VERSIONS.get(service));
        } else if (!BookinfoCatalog.hasVersion(service, version)) {
            problem(at, "unknown version '" + version + "' of " + service, "use a version of " + service + ": " + BookinfoCatalog.VERSIONS.get(service));
        }
    }

    private void percent(String at, double percent) {
        if (percent < 0 || percent > 100) {
            problem(at, "percent " + percent + " is outside 0..100", "give a percentage between 0 and 100");
        }
    }

    private void positive(String at, String name, Duration d) {
        if (d != null && (d.isZero() || d.isNegative())) {
            problem(at, name + " must be longer than zero", "write a duration such as 500ms or 2s");
        }
    }

    private void atLeast(String at, String name, Integer value, int min) {
        if (value != null && value < min) {
            problem(at, name + " must be at least " + min, "give a whole number of at least " + min);
        }
    }

    private void problem(String pointer, String what, String fix) {
        problems.add(new ScenarioProblem(s.file(), s.positions().lineOf(pointer), what, fix));
    }
}
