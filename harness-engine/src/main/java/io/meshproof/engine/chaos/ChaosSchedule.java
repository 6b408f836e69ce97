package io.meshproof.engine.chaos;

import io.meshproof.load.EpochMicros;
import io.meshproof.oracle.Observations;
import io.meshproof.scenario.ChaosAction;
import io.meshproof.target.Chaos;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a scenario's chaos actions at their times after the load starts, each on its own thread so a
 * long outage does not delay the next action; every action becomes a marker on the time series.
 */
public final class ChaosSchedule implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private final List<ChaosAction> actions;
    private final Chaos chaos;
    private final Progress progress;
    private final java.util.concurrent.atomic.AtomicBoolean begun = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Future<?>> pending = Collections.synchronizedList(new ArrayList<>());
    private final List<Observations.Marker> markers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    public ChaosSchedule(List<ChaosAction> actions, Chaos chaos, Progress progress) {
        this.actions = List.copyOf(actions);
        this.chaos = chaos;
        this.progress = progress;
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, actions.size()), r -> {
            Thread t = new Thread(r, "meshproof-chaos");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the clock: every action runs {@code at} after {@code loadStartMicros}. Only the first call counts. */
    public void begin(long loadStartMicros) {
        if (!begun.compareAndSet(false, true)) {
            return;
        }
        long sinceStartMillis = (EpochMicros.now() - loadStartMicros) / 1000;
        for (ChaosAction action : actions) {
            pending.add(scheduler.schedule(() -> perform(action, chaos, progress),
                    Math.max(0, action.at().toMillis() - sinceStartMillis), TimeUnit.MILLISECONDS));
        }
    }

    private void perform(ChaosAction action, Chaos chaos, Progress progress) {
        long at = EpochMicros.now();
        try {
            String detail;
            if (action.kill() != null) {
                var a = action.kill();
                detail = "killed " + String.join(", ", chaos.kill(a.service(), a.version(), a.countOr1()));
            } else if (action.restart() != null) {
                var a = action.restart();
                detail = "restarted " + String.join(", ", chaos.restart(a.service(), a.version(), a.countOr1()));
            } else {
                markers.add(new Observations.Marker(at, "controlPlaneOutage", "control plane down for "
                        + action.controlPlaneOutage().duration().toMillis() + " ms"));
                chaos.controlPlaneOutage(action.controlPlaneOutage().duration());
                detail = "control plane back";
                at = EpochMicros.now();
            }
            progress.line("chaos: " + detail);
            markers.add(new Observations.Marker(at, action.kind().equals("controlPlaneOutage") ? "controlPlaneRestored" : action.kind(), detail));
        } catch (TargetException | RuntimeException e) {
            failures.add(action.kind() + " at " + action.at().toMillis() + " ms failed: " + e.getMessage());
            progress.line("chaos action failed: " + e.getMessage());
        }
    }

    /** Waits for every action to finish (they are bounded: outages by their duration). */
    public void awaitDone() throws TargetException {
        if (!begun.get() && !actions.isEmpty()) {
            failures.add("the load never started, so no chaos action ran");
        }
        for (Future<?> f : List.copyOf(pending)) {
            try {
                f.get(10, TimeUnit.MINUTES);
            } catch (Exception e) {
                failures.add("a chaos action did not finish: " + e);
            }
        }
        if (!failures.isEmpty()) {
            throw new TargetException("chaos actions failed: " + String.join("; ", failures));
        }
    }

    public List<Observations.Marker> markers() {
        synchronized (markers) {
            return List.copyOf(markers);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

}
