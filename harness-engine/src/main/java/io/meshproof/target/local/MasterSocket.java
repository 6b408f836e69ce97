package io.meshproof.target.local;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** HAProxy's master CLI on a Unix socket: {@code show proc}, {@code reload}. */
final class MasterSocket {

    private final Path socket;

    MasterSocket(Path socket) {
        this.socket = socket;
    }

    /**
     * Sends one command and returns everything the master answers before it closes the connection;
     * gives up after {@link #TIMEOUT_MILLIS} (a master that is re-executing may accept and not answer).
     */
    String send(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.shutdownOutput(); // the master answers and closes once it sees the end of input
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            StringBuilder answer = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new SocketTimeoutException("no answer to '" + command + "' within " + TIMEOUT_MILLIS + " ms on " + socket);
                }
                selector.select(left);
                selector.selectedKeys().clear();
                int read = channel.read(buffer);
                if (read < 0) {
                    return answer.toString();
                }
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
        }
    }

    private static final long TIMEOUT_MILLIS = 2_000;

    /**
     * The master's reload counters from {@code show proc}: {@code reloads} and {@code failed}, and the
     * number of workers running the newest configuration (old ones draining are not counted).
     */
    ProcState state() throws IOException {
        String text = send("show proc");
        int reloads = -1;
        int failed = 0;
        int workers = 0;
        boolean inWorkers = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# workers")) {
                inWorkers = true;
            } else if (trimmed.startsWith("#")) {
                inWorkers = trimmed.startsWith("# workers");
            } else if (trimmed.contains(" master ") || trimmed.matches("\\d+\\s+master\\s+.*")) {
                String[] parts = trimmed.split("\\s+");
                reloads = Integer.parseInt(parts[2]);
                int f = trimmed.indexOf("failed:");
                if (f >= 0) {
                    failed = Integer.parseInt(trimmed.substring(f + 7, trimmed.indexOf(']', f)).strip());
                }
            } else if (inWorkers && trimmed.matches("\\d+\\s+worker\\s+0\\s+.*")) {
                workers++; // a worker that has seen no reload yet: the one running the newest configuration
            }
        }
        return new ProcState(reloads, failed, workers);
    }

    record ProcState(int reloads, int failed, int workers) {}
}
