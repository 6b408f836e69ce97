package io.meshproof.target.kube;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The stand-in backends' configuration run by the local HAProxy on loopback: it answers and waits as rendered. */
class HaproxyBackendTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void answersWithTheStatus(@TempDir Path dir) throws Exception {
        try (Running haproxy = Running.start(HaproxyBackend.respond(503), dir)) {
            HttpResponse<String> response = get(haproxy.port);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("Service unavailable");
        }
    }

    @Test
    void waitsThenAnswers(@TempDir Path dir) throws Exception {
        try (Running haproxy = Running.start(HaproxyBackend.delayThenRespond(Duration.ofMillis(400), 500), dir)) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(haproxy.port);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(ms).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void waitsThenPassesOn(@TempDir Path dir) throws Exception {
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            byte[] body = "{\"id\":0}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
        try (Running haproxy = Running.start(HaproxyBackend.delayThenProxy(Duration.ofMillis(300), "127.0.0.1:" + upstream.getAddress().getPort()), dir)) {
            for (int i = 0; i < 2; i++) { // the second request reuses the connection and must wait too
                long start = System.nanoTime();
                HttpResponse<String> response = get(haproxy.port);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"id\":0}");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(300);
            }
        } finally {
            upstream.stop(0);
        }
    }

    private static HttpResponse<String> get(int port) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ratings/0"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A HAProxy process on a free loopback port, stopped on close. */
    private record Running(Process process, int port) implements AutoCloseable {

        static Running start(HaproxyBackend backend, Path dir) throws Exception {
            assumeTrue(haproxyInstalled(), "haproxy is not installed (Debian package haproxy)");
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Files.writeString(dir.resolve(HaproxyBackend.CONFIG_FILE), backend.config(dir.toString(), "127.0.0.1:" + port));
            if (backend.lua() != null) {
                Files.writeString(dir.resolve(HaproxyBackend.LUA_FILE), backend.lua());
            }
            Process check = new ProcessBuilder("haproxy", "-c", "-f", dir.resolve(HaproxyBackend.CONFIG_FILE).toString())
                    .redirectErrorStream(true).start();
            String checkOutput = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor()).as("haproxy -c: " + checkOutput).isZero();
            Process process = new ProcessBuilder("haproxy", "-db", "-f", dir.resolve(HaproxyBackend.CONFIG_FILE).toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
            Running running = new Running(process, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                try (var socket = new java.net.Socket("127.0.0.1", port)) {
                    return running;
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            running.close();
            throw new AssertionError("haproxy did not listen on " + port + ": " + Files.readString(dir.resolve("haproxy.log")));
        }

        static boolean haproxyInstalled() {
            try {
                return new ProcessBuilder("haproxy", "-v").redirectErrorStream(true).start().waitFor() == 0;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
