package io.meshproof.engine.execution;

import io.meshproof.engine.convergence.ConvergenceResult;
import io.meshproof.oracle.Observations;
import io.meshproof.report.CheckReport;
import io.meshproof.report.Result;
import io.meshproof.report.ScenarioReport;
import io.meshproof.report.Series;
import io.meshproof.report.TimelineEvent;
import io.meshproof.scenario.CheckNames;
import io.meshproof.scenario.Expectation;
import io.meshproof.scenario.Scenario;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.RenderedState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What happened in one scenario: filled by the scenario node (apply, convergence, load) and by its
 * check nodes (verdicts), then turned into the scenario's report entry.
 */
public final class ScenarioOutcome {

    /** How far the scenario got. */
    public enum Stage { PREPARED, DRY_RUN, UNSUPPORTED, RAN, BROKEN }

    private final Scenario scenario;
    private final long startedNanos = System.nanoTime();
    private FeatureSupport support = FeatureSupport.nativelySupported();
    private Stage stage = Stage.PREPARED;
    private String reason;
    private ConvergenceResult convergence;
    private Observations observations;
    private RenderedState rendered;
    private final List<TimelineEvent> events = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<Integer, CheckReport> checks = new TreeMap<>();
    private Long durationMs;

    public ScenarioOutcome(Scenario scenario) {
        this.scenario = scenario;
    }

    public Scenario scenario() {
        return scenario;
    }

    public FeatureSupport support() {
        return support;
    }

    public void support(FeatureSupport support) {
        this.support = support;
    }

    public Stage stage() {
        return stage;
    }

    public void stage(Stage stage, String reason) {
        this.stage = stage;
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public ConvergenceResult convergence() {
        return convergence;
    }

    public void convergence(ConvergenceResult convergence) {
        this.convergence = convergence;
    }

    /** The mesh state as the target rendered it when applying (with the instances it had then). */
    public RenderedState rendered() {
        return rendered;
    }

    public void rendered(RenderedState rendered) {
        this.rendered = rendered;
    }

    public Observations observations() {
        return observations;
    }

    public void observations(Observations observations) {
        this.observations = observations;
    }

    public synchronized void event(TimelineEvent event) {
        events.add(event);
    }

    public synchronized void note(String note) {
        notes.add(note);
    }

    /** Index -1 is the convergence gate; 0.. are the expectations in file order. */
    public synchronized void check(int index, CheckReport report) {
        checks.put(index, report);
    }

    public synchronized CheckReport check(int index) {
        return checks.get(index);
    }

    public void finish() {
        durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The report entry as it stands; checks not judged (yet) appear as skipped or unsupported, with the reason. */
    public synchronized ScenarioReport toReport() {
        Map<Integer, CheckReport> all = new TreeMap<>(checks);
        for (int i = 0; i < scenario.expect().size(); i++) {
            if (!all.containsKey(i)) {
                Expectation e = scenario.expect().get(i);
                Result r = stage == Stage.UNSUPPORTED ? Result.unsupported : Result.skipped;
                all.put(i, new CheckReport(e.kind(), CheckNames.of(e), r, scenario.lineOfExpectation(i), null, null, null,
                        "not judged: " + (reason == null ? "the scenario did not run" : reason)));
            }
        }
        List<CheckReport> checkReports = List.copyOf(all.values());
        Result result = switch (stage) {
            case UNSUPPORTED -> Result.unsupported;
            case DRY_RUN -> Result.skipped;
            case BROKEN -> Result.failed;
            default -> Result.combine(checkReports.stream().map(CheckReport::result).toList());
        };
        int requests = observations == null ? 0 : observations.records().size();
        ScenarioReport report = new ScenarioReport(scenario.id(), scenario.title(), scenario.feature().name(), support.level(), result,
                requests, convergence == null || !convergence.converged() ? null : convergence.elapsedMs(),
                durationMs == null ? (System.nanoTime() - startedNanos) / 1_000_000 : durationMs, scenario.file().toString(), scenario.line(), reason,
                checkReports, List.copyOf(events), List.copyOf(notes));
        return observations == null ? report : report.withSeries(series(observations));
    }

    /** The records as chart data, times relative to the load's start. */
    private static Series series(Observations observations) {
        long startMs = observations.loadStartMicros() / 1000;
        return Series.of(observations.records().stream()
                .map(r -> new Series.Sample(r.sentAtMillis() - startMs, r.latencyMillis(), r.status(), r.error().name(), r.version()))
                .toList());
    }
}
