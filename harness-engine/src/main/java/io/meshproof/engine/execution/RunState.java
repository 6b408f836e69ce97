package io.meshproof.engine.execution;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.console.ConsoleProgress;
import io.meshproof.load.LoadRunner;
import io.meshproof.oracle.ErrorRates;
import io.meshproof.report.RunInfo;
import io.meshproof.report.ScenarioReport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * State shared by the whole run: configuration, the error rates every check gets (the suite's
 * false-failure budget split over its checks), the console, the load runner and the scenario
 * reports gathered for the target's report.
 */
public final class RunState {

    private final MeshConfiguration config;
    private final ErrorRates rates;
    private final int checks;
    private final ConsoleProgress console;
    private final LoadRunner loadRunner;
    private final Instant started = Instant.now();
    private volatile String targetFailure;
    private final java.util.Map<String, io.meshproof.report.ConformanceReport> phaseReports = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String upgradeOutcome;
    private final List<ScenarioReport> reports = Collections.synchronizedList(new ArrayList<>());

    public RunState(MeshConfiguration config, int checks, ConsoleProgress console, LoadRunner loadRunner) {
        this.config = config;
        this.checks = checks;
        this.rates = ErrorRates.bonferroni(checks);
        this.console = console;
        this.loadRunner = loadRunner;
    }

    public MeshConfiguration config() {
        return config;
    }

    public ErrorRates rates() {
        return rates;
    }

    public int checks() {
        return checks;
    }

    public ConsoleProgress console() {
        return console;
    }

    public LoadRunner loadRunner() {
        return loadRunner;
    }

    public Instant started() {
        return started;
    }

    public void targetFailed(String reason) {
        this.targetFailure = reason;
    }

    /** How the run was made, for the report: budget, its split, configuration, duration so far. */
    public RunInfo info() {
        return new RunInfo(started.toString(), java.time.Duration.between(started, Instant.now()).toMillis(),
                ErrorRates.SUITE_FALSE_FAILURE_BUDGET, rates.missedViolation(), checks,
                "Bonferroni: each of " + checks + " checks gets " + rates.falseFailure(), config.all());
    }

    /** An upgrade gate's report of one phase ({@code from}, {@code to}). */
    public void phaseReport(String phase, io.meshproof.report.ConformanceReport report) {
        phaseReports.put(phase, report);
    }

    public java.util.Optional<io.meshproof.report.ConformanceReport> phaseReport(String phase) {
        return java.util.Optional.ofNullable(phaseReports.get(phase));
    }

    /** How the upgrade under load went, in one line, for the gate's verdict. */
    public void upgradeOutcome(String outcome) {
        this.upgradeOutcome = outcome;
    }

    public java.util.Optional<String> upgradeOutcome() {
        return java.util.Optional.ofNullable(upgradeOutcome);
    }

    public java.util.Optional<String> targetFailure() {
        return java.util.Optional.ofNullable(targetFailure);
    }

    public void add(ScenarioReport report) {
        reports.add(report);
    }

    /** The scenario reports gathered so far, and a fresh start (an upgrade gate reports each phase apart). */
    public List<ScenarioReport> takeReports() {
        synchronized (reports) {
            List<ScenarioReport> taken = List.copyOf(reports);
            reports.clear();
            return taken;
        }
    }

    public List<ScenarioReport> reports() {
        synchronized (reports) {
            return List.copyOf(reports);
        }
    }
}
