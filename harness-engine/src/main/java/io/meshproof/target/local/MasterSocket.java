package io.meshproof.target.local;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** HAProxy's master CLI on a Unix socket: {@code show proc}, {@code reload}. */
final class MasterSocket {

    private final Path socket;

    MasterSocket(Path socket) {
        this.socket = socket;
    }

    /** Sends one command and returns everything the master answers before it closes the connection. */
    String send(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            StringBuilder answer = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        }
    }

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
