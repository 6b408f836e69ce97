package io.meshproof.target.kube.cluster;

import org.testcontainers.containers.Container;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What "ready" means for a k3s node the harness can deploy to: every node reports Ready and CoreDNS
 * has rolled out. The k3s module's own wait (a log line) comes before both (DESIGN.md section 9), so
 * this strategy asks the cluster itself, with the {@code kubectl} inside the container.
 */
public final class K3sSystemReady extends AbstractWaitStrategy {

    private static final Duration PAUSE = Duration.ofSeconds(1);

    @Override
    protected void waitUntilReady() {
        Instant deadline = Instant.now().plus(startupTimeout);
        String last = "nothing checked yet";
        while (Instant.now().isBefore(deadline)) {
            try {
                Container.ExecResult nodes = waitStrategyTarget.execInContainer(
                        "kubectl", "wait", "--for=condition=Ready", "nodes", "--all", "--timeout=5s");
                if (nodes.getExitCode() == 0) {
                    Container.ExecResult dns = waitStrategyTarget.execInContainer(
                            "kubectl", "-n", "kube-system", "rollout", "status", "deployment/coredns", "--timeout=5s");
                    if (dns.getExitCode() == 0) {
                        return;
                    }
                    last = "CoreDNS not rolled out: " + (dns.getStderr() + dns.getStdout()).trim();
                } else {
                    last = "node not Ready: " + (nodes.getStderr() + nodes.getStdout()).trim();
                }
                Thread.sleep(PAUSE.toMillis());
            } catch (IOException e) {
                last = "kubectl could not run in the k3s container: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for k3s to be ready");
            }
        }
        throw new ContainerLaunchException("k3s was not ready within " + startupTimeout.toSeconds() + " s (" + last + ")");
    }
}
