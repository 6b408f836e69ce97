package io.meshproof.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real HAProxy on 127.0.0.1 with an mTLS frontend ({@code verify required}) that answers every
 * request with the client certificate's subject CN: what the local target's inbound sidecar reads
 * as the caller's identity. Closing stops the process (SIGTERM, then SIGKILL after 5 s).
 */
final class HaproxyIdentityEcho implements AutoCloseable {

    private final Process process;
    private final int port;

    private HaproxyIdentityEcho(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts HAProxy with the server's {@code crt} and the {@code ca-file}; its config and log go to {@code workDir}. */
    static HaproxyIdentityEcho start(Path crt, Path caFile, Path workDir) throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        String config = String.join("\n",
                "global",
                "    maxconn 64",
                "defaults",
                "    mode http",
                "    timeout connect 2s",
                "    timeout client 5s",
                "    timeout server 5s",
                "frontend inbound",
                "    bind 127.0.0.1:" + port + " ssl crt " + crt + " ca-file " + caFile + " verify required",
                "    http-request return status 200 content-type text/plain lf-string \"%[ssl_c_s_dn(CN)]\"",
                "");
        Path configFile = Files.writeString(workDir.resolve("haproxy.cfg"), config);
        Path log = workDir.resolve("haproxy.log");
        Process process = new ProcessBuilder("haproxy", "-db", "-f", configFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HaproxyIdentityEcho echo = new HaproxyIdentityEcho(process, port);
        try {
            echo.awaitListening(log);
            return echo;
        } catch (IOException | RuntimeException | InterruptedException e) {
            echo.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private void awaitListening(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("haproxy did not listen on 127.0.0.1:" + port + " within 5 s: " + Files.readString(log));
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
