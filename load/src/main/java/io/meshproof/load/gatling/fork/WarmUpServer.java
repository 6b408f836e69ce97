package io.meshproof.load.gatling.fork;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server inside the fork, on loopback, that the warm-up requests go to: they run the load's whole
 * path (Gatling's HTTP client, checks, recording) before the first request to the target, without
 * sending the target a single request the plan did not ask for. A plain socket loop answering one
 * fixed keep-alive response, so that warming up does not itself load a server's worth of classes.
 */
final class WarmUpServer implements AutoCloseable {

    private static final String BODY = "{\"podname\": \"warm-up-v0-0\"}";
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + BODY.length() + "\r\n\r\n" + BODY).getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    WarmUpServer() {
        try {
            server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the warm-up server on loopback", e);
        }
        daemon(this::accept, "meshproof-warm-up-accept").start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/warm-up";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                daemon(() -> answer(connection), "meshproof-warm-up-connection").start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Answers every request on the connection, whatever it asks. */
    private static void answer(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            while (skipRequestHead(in)) {
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    /** Reads up to the blank line that ends a request head; false at end of stream. */
    private static boolean skipRequestHead(InputStream in) throws IOException {
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

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a loopback listener: nothing to do about a failure
        }
    }
}
