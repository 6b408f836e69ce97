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
    private final List<Future<?>> pending = new ArrayList<>();
    private final List<Observations.Marker> markers = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private ChaosSchedule(int actions) {
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, actions), r -> {
            Thread t = new Thread(r, "meshproof-chaos");
            t.setDaemon(true);
            return t;
        });
    }

    public static ChaosSchedule start(List<ChaosAction> actions, Chaos chaos, Progress progress) {
        ChaosSchedule schedule = new ChaosSchedule(actions.size());
        for (ChaosAction action : actions) {
            schedule.pending.add(schedule.scheduler.schedule(() -> schedule.perform(action, chaos, progress),
                    action.at().toMillis(), TimeUnit.MILLISECONDS));
        }
        return schedule;
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
        for (Future<?> f : pending) {
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
