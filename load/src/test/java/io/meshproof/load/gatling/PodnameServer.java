package io.meshproof.load.gatling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A bookinfo-like HTTP server on 127.0.0.1 for the load tests (JDK HttpServer, keep-alive): answers each
 * request as its script says (by arrival index), and observes what load it got: requests, their arrival
 * times and headers, and the most requests it held in flight at once.
 */
final class PodnameServer implements AutoCloseable {

    /** How to answer one request. */
    record Answer(int status, String contentType, String body, long delayMillis) {
        static Answer json(String podname) {
            return new Answer(200, "application/json", "{\"id\": \"0\", \"podname\": \"" + podname
                    + "\", \"clustername\": \"null\", \"reviews\": []}", 0);
        }

        Answer delayed(long millis) {
            return new Answer(status, contentType, body, millis);
        }
    }

    /** What the server saw of one request. */
    record Seen(long arrivalNanos, Map<String, List<String>> headers) {
    }

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final IntFunction<Answer> script;
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    PodnameServer(IntFunction<Answer> script) throws IOException {
        this.script = script;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int requests() {
        return seen.size();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void handle(HttpExchange exchange) throws IOException {
        int index = arrivals.getAndIncrement();
        seen.add(new Seen(System.nanoTime(), Map.copyOf(exchange.getRequestHeaders())));
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            Answer answer = script.apply(index);
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
            exchange.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(0);
        workers.shutdownNow();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }
}
