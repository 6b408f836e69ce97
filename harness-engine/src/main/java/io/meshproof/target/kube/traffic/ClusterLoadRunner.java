package io.meshproof.target.kube.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.meshproof.load.LoadException;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.LoadResult;
import io.meshproof.load.LoadRunner;
import io.meshproof.target.TargetException;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives a plan's load from inside the cluster, from the {@code tester} (meshed) or {@code outsider}
 * (unmeshed) pod named by the plan's sender: runs {@link CurlLoopScript} there through the API
 * server's exec and turns its lines into records as they arrive. The run is bounded by the script
 * (count, duration, curl's timeout) and here by a deadline of duration + request timeout + grace.
 */
public final class ClusterLoadRunner implements LoadRunner {

    private static final Duration GRACE = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final ClientPods pods;

    public ClusterLoadRunner(KubernetesClient client, ClientPods pods) {
        this.client = client;
        this.pods = pods;
    }

    @Override
    public LoadResult run(LoadPlan plan, LoadProgress progress) throws LoadException {
        String pod;
        try {
            pod = pods.podName(client, plan.sender());
        } catch (TargetException e) {
            throw new LoadException(e.getMessage(), e);
        }
        CurlLoopParser parser = new CurlLoopParser(plan.sender());
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Instant started = Instant.now();
        long deadline = System.nanoTime() + plan.maxDuration().plus(plan.requestTimeout()).plus(GRACE).toNanos();
        try (ExecWatch exec = client.pods().inNamespace(pods.namespaceOf(plan.sender())).withName(pod).inContainer(ClientPods.CONTAINER)
                .writingOutput(new LineSink(parser))
                .writingError(errors)
                .exec("sh", "-c", CurlLoopScript.of(plan))) {
            while (true) {
                try {
                    Integer exit = exec.exitCode().get(1, TimeUnit.SECONDS);
                    progress.update(parser.count(), plan.maxRequests(), Duration.between(started, Instant.now()).toMillis());
                    if (exit != null && exit != 0) {
                        throw new LoadException("the load script in pod " + pod + " exited with " + exit + ": "
                                + errors.toString(StandardCharsets.UTF_8).trim());
                    }
                    break;
                } catch (TimeoutException e) {
                    progress.update(parser.count(), plan.maxRequests(), Duration.between(started, Instant.now()).toMillis());
                    if (System.nanoTime() > deadline) {
                        throw new LoadException("the load in pod " + pod + " ran past its bound (" + plan.maxDuration().toSeconds()
                                + " s + request timeout + " + GRACE.toSeconds() + " s); stopped with " + parser.count() + " records");
                    }
                }
            }
        } catch (KubernetesClientException e) {
            throw new LoadException("cannot exec into pod " + pod + ": " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new LoadException("the exec into pod " + pod + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted while load ran in pod " + pod, e);
        }
        if (!parser.ended()) {
            throw new LoadException("the load script in pod " + pod + " was cut off after " + parser.count()
                    + " records; stderr: " + errors.toString(StandardCharsets.UTF_8).trim());
        }
        return new LoadResult(parser.records(), started, Instant.now(), "curl in " + pods.namespaceOf(plan.sender()) + "/" + pod
                + " (send-time clock " + parser.clock() + ")");
    }

    /** Splits a byte stream into lines for the parser, as the bytes arrive. */
    static final class LineSink extends OutputStream {
        private final CurlLoopParser parser;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSink(CurlLoopParser parser) {
            this.parser = parser;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                parser.line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                parser.line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
