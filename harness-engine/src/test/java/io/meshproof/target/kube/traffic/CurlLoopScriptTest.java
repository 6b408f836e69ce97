package io.meshproof.target.kube.traffic;

import com.sun.net.httpserver.HttpServer;
import io.meshproof.load.ConnectionError;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.RequestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the generated load script for real, against a loopback HTTP server, with this machine's curl:
 * under {@code sh} (dash, GNU date: the nanosecond clock) and under busybox sh with busybox's own
 * date, sleep and adjtimex (as in the curl image: the microsecond clock).
 */
class CurlLoopScriptTest {

    static HttpServer server;
    static URI base;
    static int closedPort;
    static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    static Path tools;

    @BeforeAll
    static void startServer() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed (apt-get install curl)");
        tools = Files.createTempDirectory("meshproof-curl-loop");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/reviews/0", exchange -> {
            lastHeaders.put("end-user", String.valueOf(exchange.getRequestHeaders().getFirst("end-user")));
            lastHeaders.put("method", exchange.getRequestMethod());
            respond(exchange, 200, "{\"id\": \"0\",\"podname\": \"reviews-v2-7f9c8d-x2x4k\",\"clustername\": \"null\",\"reviews\": []}");
        });
        server.createContext("/compact", exchange -> respond(exchange, 200, "{\"podname\":\"ratings-v1-faulty-5d4-abc\"}"));
        server.createContext("/unavailable", exchange -> respond(exchange, 503, "{\"error\": \"Service unavailable\"}"));
        server.createContext("/slow", exchange -> {
            sleep(400);
            respond(exchange, 200, "<html>no podname here</html>");
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (tools != null) {
            try (var files = Files.walk(tools)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p); // deletes the links, not busybox or curl
                }
            }
        }
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static LoadPlan open(URI uri, String path, double rate, int requests, Duration max, Duration timeout, Map<String, String> headers) {
        return new LoadPlan(uri, "GET", path, headers, rate, null, requests, max, timeout, "tester", false);
    }

    /** Runs the script under the shell, with a PATH of busybox applets when asked; returns the parser. */
    static CurlLoopParser run(String shell, LoadPlan plan) throws Exception {
        List<String> command;
        Map<String, String> env = new java.util.HashMap<>();
        if (shell.equals("busybox")) {
            Path busybox = Path.of("/bin/busybox");
            assumeTrue(Files.isExecutable(busybox), "busybox is not installed (apt-get install busybox)");
            Path bin = tools.resolve("bin");
            if (!Files.exists(bin)) {
                Files.createDirectories(bin);
                for (String applet : List.of("sh", "date", "sleep", "rm", "grep", "awk", "adjtimex", "printf", "cat")) {
                    Files.createSymbolicLink(bin.resolve(applet), busybox);
                }
                Files.createSymbolicLink(bin.resolve("curl"), Path.of("/usr/bin/curl"));
            }
            env.put("PATH", bin.toString());
            command = List.of(bin.resolve("sh").toString(), "-c", CurlLoopScript.of(plan));
        } else {
            command = List.of("sh", "-c", CurlLoopScript.of(plan));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        Process process = builder.start();
        CurlLoopParser parser = new CurlLoopParser(plan.sender());
        try (InputStream out = process.getInputStream()) {
            new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(parser::line);
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the script ends by itself").isTrue();
        assertThat(parser.unparsed()).isEmpty();
        assertThat(parser.ended()).isTrue();
        return parser;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "busybox"})
    void recordsStatusPodVersionAndHeadersOfEveryRequest(String shell) throws Exception {
        CurlLoopParser parser = run(shell, open(base, "/reviews/0", 50, 10, Duration.ofSeconds(10), Duration.ofSeconds(2),
                Map.of("end-user", "jason's")));
        List<RequestRecord> records = parser.records();

        assertThat(records).hasSize(10);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.error()).isEqualTo(ConnectionError.NONE);
            assertThat(r.instance()).isEqualTo("reviews-v2-7f9c8d-x2x4k");
            assertThat(r.version()).isEqualTo("v2");
            assertThat(r.sender()).isEqualTo("tester");
            assertThat(r.latencyMicros()).isPositive();
        });
        assertThat(lastHeaders).containsEntry("end-user", "jason's").containsEntry("method", "GET");
        assertThat(parser.clock()).isEqualTo(shell.equals("sh") ? "ns" : "us");
        long nowMicros = System.currentTimeMillis() * 1000;
        assertThat(records.get(0).sentAtMicros()).as("wall-clock send time").isBetween(nowMicros - 60_000_000, nowMicros);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "busybox"})
    void openModelPacesSendsAtTheRateWithoutWaitingForSlowAnswers(String shell) throws Exception {
        // 8 requests at 20/s, each answered after 400 ms: sends stay 50 ms apart (they do not queue behind answers)
        List<RequestRecord> records = run(shell, open(base, "/slow", 20, 8, Duration.ofSeconds(10), Duration.ofSeconds(2), Map.of()))
                .records();

        assertThat(records).hasSize(8);
        long span = records.get(7).sentAtMicros() - records.get(0).sentAtMicros();
        assertThat(span).as("7 intervals of 50 ms").isBetween(300_000L, 600_000L);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.latencyMicros()).isGreaterThanOrEqualTo(390_000);
            assertThat(r.instance()).isNull();
            assertThat(r.version()).isNull();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "busybox"})
    void connectionFailuresAreNamedNotCountedAsStatuses(String shell) throws Exception {
        CurlLoopParser refused = run(shell, open(URI.create("http://127.0.0.1:" + closedPort), "/x", 50, 3,
                Duration.ofSeconds(5), Duration.ofSeconds(2), Map.of()));
        assertThat(refused.records()).hasSize(3).allSatisfy(r -> {
            assertThat(r.error()).isEqualTo(ConnectionError.REFUSED);
            assertThat(r.status()).isZero();
        });

        CurlLoopParser timedOut = run(shell, open(base, "/slow", 50, 2, Duration.ofSeconds(5), Duration.ofMillis(100), Map.of()));
        assertThat(timedOut.records()).hasSize(2).allSatisfy(r -> {
            assertThat(r.error()).isEqualTo(ConnectionError.TIMEOUT);
            assertThat(r.latencyMicros()).isBetween(90_000L, 1_000_000L);
        });

        CurlLoopParser unavailable = run(shell, open(base, "/unavailable", 50, 2, Duration.ofSeconds(5), Duration.ofSeconds(2), Map.of()));
        assertThat(unavailable.records()).extracting(RequestRecord::status).containsOnly(503);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "busybox"})
    void theDurationBoundStopsALoopThatWouldSendMore(String shell) throws Exception {
        long started = System.nanoTime();
        List<RequestRecord> records = run(shell, open(base, "/compact", 20, 1000, Duration.ofMillis(500), Duration.ofSeconds(2), Map.of()))
                .records();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(records.size()).as("about 0.5 s at 20/s").isBetween(5, 12);
        assertThat(tookMillis).isLessThan(5_000);
        assertThat(records.get(0).version()).as("compact JSON and a behavior suffix").isEqualTo("v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "busybox"})
    void closedModelSendsExactlyTheCountWithItsWorkers(String shell) throws Exception {
        LoadPlan plan = new LoadPlan(base, "GET", "/reviews/0", Map.of(), null, 3, 10, Duration.ofSeconds(10), Duration.ofSeconds(2),
                "outsider", false);
        List<RequestRecord> records = run(shell, plan).records();
        assertThat(records).hasSize(10).allSatisfy(r -> assertThat(r.sender()).isEqualTo("outsider"));
    }
}
