package io.meshproof.engine.traffic;

import io.meshproof.engine.convergence.ProbeResponse;
import io.meshproof.load.ConnectionError;
import io.meshproof.load.LoadException;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.LoadRunner;
import io.meshproof.load.RequestRecord;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Probes sent through a target's own load runner (a client pod in a cluster), in small sequential
 * batches, for traffic the harness cannot send from this machine.
 */
public final class RunnerProbes implements Supplier<ProbeResponse> {

    private static final int BATCH = 10;

    private final LoadRunner runner;
    private final LoadPlan batch;
    private final Deque<ProbeResponse> buffered = new ArrayDeque<>();

    public RunnerProbes(LoadRunner runner, LoadPlan shape) {
        this.runner = runner;
        this.batch = new LoadPlan(shape.baseUri(), shape.method(), shape.path(), shape.headers(), null, 1, BATCH,
                Duration.ofSeconds(60), shape.requestTimeout(), shape.sender(), shape.allowRemote());
    }

    @Override
    public ProbeResponse get() {
        if (buffered.isEmpty()) {
            try {
                for (RequestRecord r : runner.run(batch, LoadProgress.SILENT).records()) {
                    buffered.add(new ProbeResponse(r.status(), r.error(), r.version()));
                }
            } catch (LoadException e) {
                return new ProbeResponse(0, ConnectionError.OTHER, null);
            }
            if (buffered.isEmpty()) {
                return new ProbeResponse(0, ConnectionError.OTHER, null);
            }
        }
        return buffered.poll();
    }
}
