package io.meshproof.load.gatling.fork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gatling asks Maven Central for a newer release at every start; the fork's environment stops that.
 * Outgoing HTTPS is sent through a proxy on loopback that only counts who connects (and answers nothing).
 */
class ReleaseCheckTest {

    @TempDir
    Path home;

    @Test
    void theForkMakesNoReleaseCheck() throws Exception {
        assertThat(proxyConnectionsOf("fork")).isZero();
    }

    @Test
    void withoutTheForkEnvironmentGatlingChecks() throws Exception {
        // the negative control: the same probe without the fork's environment reaches out
        assertThat(proxyConnectionsOf("plain")).isPositive();
    }

    private int proxyConnectionsOf(String mode) throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket proxy = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread counter = new Thread(() -> {
                while (true) {
                    try (Socket connection = proxy.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketException closed) {
                        return;
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            counter.setDaemon(true);
            counter.start();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + proxy.getLocalPort(),
                    // without the fork's preferences, Gatling's persisted check goes here, not to ~/.java
                    "-Djava.util.prefs.userRoot=" + home,
                    "-cp", System.getProperty("java.class.path"),
                    ReleaseCheckProbe.class.getName(), mode));
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                assertThat(probe.waitFor(30, TimeUnit.SECONDS)).as("the probe ended").isTrue();
                assertThat(probe.exitValue()).isZero();
            } finally {
                probe.destroyForcibly().waitFor();
            }
        }
        return connections.get();
    }
}
