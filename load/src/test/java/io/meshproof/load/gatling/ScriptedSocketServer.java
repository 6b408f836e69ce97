package io.meshproof.load.gatling;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server on 127.0.0.1 that answers each connection's request the way its script says, including the
 * ways a mesh rejects: a reset (RST, SO_LINGER 0), a close without a reply (FIN), or no answer at all.
 * Every answer closes the connection, so each request comes on a connection of its own, in order.
 */
final class ScriptedSocketServer implements AutoCloseable {

    /** One step of the script. */
    sealed interface Step permits Respond, Reset, CloseWithoutReply, Hang {
    }

    record Respond(int status, String contentType, String body) implements Step {
    }

    record Reset() implements Step {
    }

    record CloseWithoutReply() implements Step {
    }

    record Hang() implements Step {
    }

    private final ServerSocket server;
    private final List<Step> script;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    ScriptedSocketServer(List<Step> script) throws IOException {
        this.script = List.copyOf(script);
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    int requests() {
        return next.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                open.add(connection);
                threads.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            if (!readRequestHead(in)) {
                connection.close();
                return;
            }
            Step step = script.get(next.getAndIncrement() % script.size());
            if (step instanceof Respond) {
                Respond respond = (Respond) step;
                byte[] body = respond.body().getBytes(StandardCharsets.UTF_8);
                OutputStream out = connection.getOutputStream();
                out.write(("HTTP/1.1 " + respond.status() + " Scripted\r\nContent-Type: " + respond.contentType()
                        + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                connection.close();
            } else if (step instanceof Reset) {
                connection.setSoLinger(true, 0);
                connection.close();
            } else if (step instanceof CloseWithoutReply) {
                connection.shutdownOutput();
                connection.close();
            }
            // Hang: keep the connection open and silent until the client gives up or the server closes
        } catch (IOException e) {
            // the client went away
        }
    }

    private static boolean readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        int read;
        while ((read = in.read()) >= 0) {
            matched = (read == '\r' || read == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
