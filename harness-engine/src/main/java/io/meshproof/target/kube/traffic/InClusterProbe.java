package io.meshproof.target.kube.traffic;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.meshproof.target.TargetException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks from inside the cluster whether a URL answers 200, through a client pod's curl: the check that
 * bookinfo really serves (reviews' Liberty server takes a while after its pod is ready) before
 * anything counts. Bounded: one curl per second, until the timeout.
 */
public final class InClusterProbe {

    private InClusterProbe() {
    }

    public static void awaitOk(KubernetesClient client, ClientPods pods, String clientName, String url, Duration timeout)
            throws TargetException {
        String pod = pods.podName(client, clientName);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ExecWatch exec = client.pods().inNamespace(pods.namespaceOf(clientName)).withName(pod).inContainer(ClientPods.CONTAINER)
                    .writingOutput(out).exec("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "5", url)) {
                exec.exitCode().get(10, TimeUnit.SECONDS);
            } catch (KubernetesClientException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while probing " + url, e);
            }
            String status = out.toString(StandardCharsets.UTF_8).trim();
            if (status.equals("200")) {
                return;
            }
            last = status.isEmpty() ? last : "HTTP " + status;
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while probing " + url, e);
            }
        }
        throw new TargetException(url + " did not answer 200 from the " + clientName + " pod within " + timeout.toSeconds()
                + " s (last: " + last + ")");
    }
}
