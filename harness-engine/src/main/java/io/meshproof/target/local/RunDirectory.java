package io.meshproof.target.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The local target's private working directory: configurations, sockets and (later) keys, owner-only,
 * deleted at the end. It notes the harness's pid and every process it starts, so that a later run
 * can reap what a killed run left behind.
 */
final class RunDirectory implements AutoCloseable {

    private static final String PREFIX = "meshproof-local-";

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    static RunDirectory create() throws IOException {
        reapAbandoned();
        Path dir = Files.createTempDirectory(PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(dir.resolve("owner.pid"), String.valueOf(ProcessHandle.current().pid()));
        return new RunDirectory(dir);
    }

    Path path() {
        return dir;
    }

    /** Notes a started process so that a later run can stop it if this one dies without cleaning up. */
    void noteProcess(long pid) {
        try {
            Files.writeString(dir.resolve("pids"), pid + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // reaping is a safety net; the normal path stops every process itself
        }
    }

    /** Stops every noted process still running (one started while the harness was closing, say), then deletes the directory. */
    @Override
    public void close() {
        stopNoted(dir);
        deleteTree(dir);
    }

    private static void stopNoted(Path dir) {
        Path pids = dir.resolve("pids");
        if (!Files.exists(pids)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pids)) {
                ProcessHandle.of(Long.parseLong(line.strip())).filter(ProcessHandle::isAlive).filter(RunDirectory::ours).ifPresent(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
            }
        } catch (IOException | RuntimeException e) {
            // best effort: the normal path stopped every process already
        }
    }

    /** Stops the processes of earlier runs whose harness is gone, and removes their directories. */
    static void reapAbandoned() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (Stream<Path> dirs = Files.list(tmp)) {
            dirs.filter(d -> d.getFileName().toString().startsWith(PREFIX) && Files.isDirectory(d)).forEach(d -> {
                try {
                    long owner = Long.parseLong(Files.readString(d.resolve("owner.pid")).strip());
                    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                    stopNoted(d);
                } catch (IOException | RuntimeException e) {
                    // not ours or half-written: leave it
                    return;
                }
                deleteTree(d);
            });
        } catch (IOException e) {
            // nothing to reap
        }
    }

    /** A pid may have been reused since: only HAProxy or Java processes are ours to stop. */
    private static boolean ours(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return command.endsWith("haproxy") || command.endsWith("java");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort; reported by the caller's check of leftovers
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
