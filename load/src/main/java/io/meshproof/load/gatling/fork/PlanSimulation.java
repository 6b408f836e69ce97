package io.meshproof.load.gatling.fork;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.meshproof.load.AnsweringInstance;
import io.meshproof.load.LoadPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The one simulation the fork runs: the plan read from the file named by {@value #INPUT_PROPERTY}.
 *
 * <ul>
 * <li>Warm-up first: the input's warm-up requests (for at most {@link #WARM_UP_WINDOW}) along the same
 * path to a server inside the fork, so that class loading and a cold HTTP client do not delay the
 * load's first requests (by hundreds of milliseconds, measured in load/BENCHMARKS.md). Not recorded.
 * <li>Open model: users arrive at the plan's rate, evenly spaced (Gatling spreads each second's arrivals
 * over its milliseconds), each sending one request whatever happened to earlier ones (no coordinated
 * omission). Gatling injects whole seconds, so it injects {@code ceil(n / rate)} seconds of arrivals
 * and those past the plan's {@code n} requests send nothing.
 * <li>Closed model: {@code concurrency} users, each sending its next request when its last one ended,
 * until the shared budget of {@code n} requests is spent.
 * <li>Both: no request is sent after the plan's maxDuration (from the first request); requests already
 * sent finish within the request timeout and are recorded. One keep-alive connection pool is shared
 * by all users, as a mesh client (a sidecar, an app's HTTP client) keeps one: a connection opens only
 * when every pooled one is busy. One new connection per request (Gatling's default for the open model)
 * would measure connection setup instead and, at a few hundred requests a second, run loopback out of
 * ephemeral ports (TIME_WAIT).
 * <li>Requests are left as the plan has them: no redirect following, no HTTP cache, no automatic
 * Referer or Origin, no cookies carried from one request to the next, the URL sent as given.
 * </ul>
 */
public final class PlanSimulation extends Simulation {

    static final String INPUT_PROPERTY = "meshproof.load.input";
    static final Duration WARM_UP_WINDOW = Duration.ofSeconds(1);
    private static final int WARM_UP_USERS = 2;
    /** Gatling's own end of the run, should requests outlast their timeout: only a guard. */
    private static final Duration BACKSTOP_SLACK = Duration.ofSeconds(5);

    private final Path recordsFile;
    private final WarmUpServer warmUpServer = new WarmUpServer();
    private final RequestRecorder recorder;
    private final ProgressReport progress = new ProgressReport();

    public PlanSimulation() {
        FailureCapture.requireInstalled();
        ForkProtocol.Input input = readInput();
        LoadPlan plan = input.plan();
        recordsFile = Path.of(input.recordsFile());
        recorder = new RequestRecorder(plan.sender());
        RequestRecorder warmUpRecorder = new RequestRecorder("warm-up");
        RequestBudget warmUpBudget = new RequestBudget(input.warmUpRequests(), WARM_UP_WINDOW, wallMicros -> { });
        RequestBudget budget = new RequestBudget(plan.maxRequests(), plan.maxDuration(), wallMicros -> {
            System.out.println("warm-up: " + warmUpBudget.claimed() + " requests in " + warmUpBudget.elapsedMillis() + " ms");
            progress.started(wallMicros);
        });
        progress.follow(budget);

        PopulationBuilder load = load(plan, budget, chain(recorder, request(plan, plan.uri().toString())));
        PopulationBuilder warmUpThenLoad = scenario("warm-up")
                .asLongAs(warmUpBudget::claim).on(chain(warmUpRecorder, request(plan, warmUpServer.url())))
                .injectOpen(atOnceUsers(WARM_UP_USERS))
                .andThen(load);

        HttpProtocolBuilder protocol = http
                .disableWarmUp()
                .shareConnections()
                .disableFollowRedirect()
                .disableCaching()
                .disableAutoReferer()
                .disableAutoOrigin()
                .disableUrlEncoding();

        setUp(input.warmUpRequests() == 0 ? load : warmUpThenLoad)
                .protocols(protocol)
                .maxDuration(WARM_UP_WINDOW.plus(plan.maxDuration()).plus(ForkProtocol.requestTimeout(plan)).plus(BACKSTOP_SLACK));
    }

    @Override
    public void after() {
        warmUpServer.close();
        try {
            progress.ended(recorder.finish(recordsFile));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the load records to " + recordsFile, e);
        } finally {
            System.out.println("fork memory: " + PeakMemory.describe());
        }
    }

    private static ChainBuilder chain(RequestRecorder recorder, HttpRequestActionBuilder request) {
        // cookies set by a response (a stickiness cookie, say) must not steer the next request
        return exec(flushCookieJar()).exec(recorder::beforeRequest).exec(request).exec(recorder::afterRequest);
    }

    private static HttpRequestActionBuilder request(LoadPlan plan, String url) {
        // functions, not strings: Gatling would read "#{...}" in a string as its expression language
        HttpRequestActionBuilder request = http("request")
                .httpRequest(plan.method(), session -> url)
                .requestTimeout(ForkProtocol.requestTimeout(plan))
                // an explicit status check replaces Gatling's default 2xx/304 check: every status is an answer
                .check(status().saveAs(RequestRecorder.STATUS))
                .check(regex(session -> AnsweringInstance.PODNAME_REGEX).optional().saveAs(RequestRecorder.PODNAME));
        for (Map.Entry<String, String> header : plan.headers().entrySet()) {
            String value = header.getValue();
            request = request.header(header.getKey(), session -> value);
        }
        return request;
    }

    private static PopulationBuilder load(LoadPlan plan, RequestBudget budget, ChainBuilder oneRequest) {
        if (plan.openModel()) {
            double rate = plan.ratePerSecond();
            // arrivals past the send window would send nothing: inject no longer than the window
            double seconds = Math.min(plan.maxRequests() / rate, plan.maxDuration().toMillis() / 1000.0);
            return scenario("open model")
                    .doIf(budget::claim).then(oneRequest)
                    .injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds)))));
        }
        return scenario("closed model")
                .asLongAs(budget::claim).on(oneRequest)
                .injectOpen(atOnceUsers(plan.concurrency()));
    }

    private static ForkProtocol.Input readInput() {
        String file = System.getProperty(INPUT_PROPERTY);
        try {
            return ForkProtocol.readInput(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the load plan from " + file, e);
        }
    }
}
