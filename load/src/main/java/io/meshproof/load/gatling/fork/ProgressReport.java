package io.meshproof.load.gatling.fork;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Tells the harness, on stdout, when the load started and then once a second how many requests went out. */
final class ProgressReport {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "meshproof-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RequestBudget budget;

    void follow(RequestBudget followed) {
        budget = followed;
    }

    /** The load's first request is being claimed. */
    void started(long wallMicros) {
        System.out.println(ForkProtocol.line(ForkProtocol.Kind.started, wallMicros));
        timer.scheduleAtFixedRate(this::report, 1, 1, TimeUnit.SECONDS);
    }

    void ended(int recorded) {
        timer.shutdownNow();
        System.out.println(ForkProtocol.line(ForkProtocol.Kind.ended, RequestRecorder.nowMicros(), budget.claimed(), recorded));
    }

    private void report() {
        System.out.println(ForkProtocol.line(ForkProtocol.Kind.progress, budget.claimed(), budget.elapsedMillis()));
    }
}
