package io.meshproof.engine.execution;

import io.meshproof.engine.chaos.ChaosSchedule;
import io.meshproof.engine.console.ConsoleProgress;
import io.meshproof.engine.convergence.ConvergenceGate;
import io.meshproof.engine.convergence.ConvergenceResult;
import io.meshproof.engine.convergence.ProbeDerivation;
import io.meshproof.engine.traffic.LoadPlanning;
import io.meshproof.engine.convergence.ProbeResponse;
import io.meshproof.engine.traffic.ProbeClient;
import io.meshproof.engine.traffic.RunnerProbes;
import io.meshproof.engine.traffic.SessionLogin;
import io.meshproof.load.EpochMicros;
import io.meshproof.load.LoadException;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.LoadResult;
import io.meshproof.load.LoadRunner;
import io.meshproof.oracle.Observations;
import io.meshproof.oracle.Oracles;
import io.meshproof.report.TimelineEvent;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Deployment;
import io.meshproof.target.Entry;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one scenario on a started target: apply its state, pass the convergence gate, drive the
 * load while chaos actions run on their schedule, keep the records, remove the state.
 */
public final class ScenarioRun {

    private final RunState run;
    private final MeshTarget target;
    private final ConsoleProgress progress;

    public ScenarioRun(RunState run, MeshTarget target, ConsoleProgress progress) {
        this.run = run;
        this.target = target;
        this.progress = progress;
    }

    /** The requests to drive so that every check of the scenario gets the sample its error rates need. */
    public static int requiredRequests(Scenario scenario, RunState run) {
        return Oracles.requestsToDrive(scenario.expect(), run.rates());
    }

    public void execute(ScenarioOutcome outcome) throws TargetException, LoadException, LoadPlanning.TooFewRequestsException {
        Scenario scenario = outcome.scenario();
        ProfileScaling.Scaled scaled = ProfileScaling.scale(scenario, run.config().profile());
        scaled.note().ifPresent(outcome::note);
        Traffic traffic = scaled.traffic();
        int requests = LoadPlanning.requests(traffic, requiredRequests(scenario, run));
        long applyStart = System.nanoTime();
        Deployment deployment;
        try (var step = progress.step("applying the mesh state")) {
            try {
                deployment = target.apply(scenario, progress);
            } catch (TargetException | RuntimeException e) {
                step.failed();
                throw e;
            }
        }
        try (deployment) {
            outcome.rendered(target.render(scenario));
            Entry entry = target.entry(traffic);
            Map<String, String> headers = requestHeaders(traffic, entry);
            LoadPlan plan = LoadPlanning.plan(traffic, entry, headers, requests);
            Optional<LoadRunner> targetRunner = target.loadRunner(traffic);
            LoadRunner runner = targetRunner.orElse(run.loadRunner());
            Supplier<ProbeResponse> probes = targetRunner.<Supplier<ProbeResponse>>map(r -> new RunnerProbes(r, plan))
                    .orElseGet(() -> new ProbeClient(entry, traffic.request(), headers)::send);
            ConvergenceResult convergence;
            try (var step = progress.step("convergence gate")) {
                convergence = new ConvergenceGate(convergenceTimeout()).await(deployment, ProbeDerivation.derive(scenario),
                        probes, applyStart, progress);
            }
            outcome.convergence(convergence);
            long convergedAtMicros = EpochMicros.now();
            progress.line("config applied in " + convergence.appliedMs() + " ms, " + (convergence.converged()
                    ? "converged in " + convergence.elapsedMs() + " ms (" + convergence.probe() + ")"
                    : "NOT converged: " + convergence.detail()));
            if (!convergence.converged()) {
                outcome.note("The convergence gate gave up (" + convergence.detail() + "); the load ran anyway so that"
                        + " the checks show what the mesh did instead.");
            }

            progress.line("load: " + describe(plan));
            LoadResult result;
            try (ChaosSchedule chaos = new ChaosSchedule(scenario.chaos(), deployment.chaos(), progress)) {
                result = runner.run(plan, loadProgress(plan, chaos));
                chaos.awaitDone();
                long loadStart = result.records().isEmpty() ? EpochMicros.now() : result.records().get(0).sentAtMicros();
                outcome.event(new TimelineEvent((convergedAtMicros - loadStart) / 1000, "converged", convergence.probe()));
                chaos.markers().forEach(m -> outcome.event(new TimelineEvent((m.atMicros() - loadStart) / 1000, m.kind(), m.detail())));
                outcome.observations(new Observations(result.records(), loadStart, deployment.instances(), chaos.markers()));
            }
            progress.line("load done: " + result.records().size() + " requests in "
                    + Duration.between(result.started(), result.ended()).toMillis() + " ms");
        }
    }

    private Duration convergenceTimeout() {
        return run.config().get("mesh.convergence.timeout").map(io.meshproof.scenario.DurationText::parse)
                .orElse(Duration.ofSeconds(20));
    }

    /** The headers of every request: the target's, the scenario's, and who the user is. */
    private static Map<String, String> requestHeaders(Traffic traffic, Entry entry) throws TargetException {
        Map<String, String> headers = new LinkedHashMap<>(entry.headers());
        headers.putAll(traffic.request().headers());
        if (traffic.user() != null) {
            if (traffic.from() == Traffic.Source.ingress) {
                headers.put("Cookie", SessionLogin.cookieFor(entry, traffic.user()));
            } else {
                headers.put("end-user", traffic.user());
            }
        }
        return headers;
    }

    /** Progress lines every 5 s; the chaos clock starts with the first request (or the first report of one). */
    private LoadProgress loadProgress(LoadPlan plan, ChaosSchedule chaos) {
        return new LoadProgress() {
            private long lastPrinted = -10_000;

            @Override
            public void started(long firstSendMicros) {
                chaos.begin(firstSendMicros);
            }

            @Override
            public void update(int sent, int planned, long elapsedMillis) {
                if (sent > 0) {
                    chaos.begin(EpochMicros.now() - elapsedMillis * 1000);
                }
                if (elapsedMillis - lastPrinted >= 5_000) {
                    lastPrinted = elapsedMillis;
                    String of = planned == Integer.MAX_VALUE ? "" : String.format(Locale.ROOT, "/%d (%d%%)", planned, 100L * sent / Math.max(1, planned));
                    progress.line(String.format(Locale.ROOT, "load: %d%s sent, %.1f s", sent, of, elapsedMillis / 1000.0));
                }
            }
        };
    }

    private static String describe(LoadPlan plan) {
        String model = plan.openModel() ? String.format(Locale.ROOT, "%.0f/s open model", plan.ratePerSecond())
                : plan.concurrency() + " concurrent users";
        String count = plan.maxRequests() == Integer.MAX_VALUE ? "for " + plan.maxDuration().toSeconds() + " s"
                : plan.maxRequests() + " requests";
        return count + ", " + model + ", " + plan.method() + " " + plan.uri() + " as " + plan.sender();
    }

}
