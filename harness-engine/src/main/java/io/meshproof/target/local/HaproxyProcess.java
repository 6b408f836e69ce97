package io.meshproof.target.local;

import io.meshproof.target.TargetException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One HAProxy in master-worker mode, reloaded through its master CLI as a control plane pushes
 * configuration: the new configuration is checked, written, and the reload is awaited until a
 * worker runs it.
 */
final class HaproxyProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final HaproxyInstallation haproxy;
    private final Path config;
    private final Path log;
    private final MasterSocket master;
    private Process process;
    private String current;

    HaproxyProcess(String name, HaproxyInstallation haproxy, Path runtimeDir, Path logDir) {
        this.name = name;
        this.haproxy = haproxy;
        this.config = runtimeDir.resolve(name + ".cfg");
        this.log = logDir.resolve(name + ".haproxy.log");
        this.master = new MasterSocket(runtimeDir.resolve(name + ".master.sock"));
    }

    String name() {
        return name;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts HAProxy with this configuration and waits until a worker runs it. */
    void start(String configuration) throws TargetException {
        write(configuration);
        try {
            Path socket = config.resolveSibling(name + ".master.sock");
            Files.deleteIfExists(socket);
            process = new ProcessBuilder(haproxy.binary().toString(), "-W", "-S", socket + ",mode,600", "-f", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new TargetException("cannot start HAProxy for " + name + ": " + e.getMessage(), e);
        }
        awaitWorker(0, START_TIMEOUT);
        current = configuration;
    }

    /**
     * Reloads with a new configuration unless it is unchanged; returns false when nothing changed.
     * Blocks until a worker runs the new configuration.
     */
    boolean reload(String configuration) throws TargetException {
        return reload(configuration, false);
    }

    /** Reloads, also when the configuration is unchanged if {@code force} (a control plane's full push). */
    boolean reload(String configuration, boolean force) throws TargetException {
        if (!force && configuration.equals(current)) {
            return false;
        }
        int before = state().reloads();
        write(configuration);
        try {
            master.send("reload");
        } catch (IOException e) {
            // the master closes the CLI while it re-executes itself; the state poll below tells
        }
        awaitWorker(before + 1, RELOAD_TIMEOUT);
        current = configuration;
        return true;
    }

    private void write(String configuration) throws TargetException {
        try {
            Path candidate = config.resolveSibling(name + ".next.cfg");
            Files.writeString(candidate, configuration, StandardCharsets.UTF_8);
            haproxy.check(candidate);
            Files.move(candidate, config, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new TargetException("cannot write the HAProxy configuration of " + name + ": " + e.getMessage(), e);
        }
    }

    private void awaitWorker(int reloads, Duration timeout) throws TargetException {
        long deadline = System.nanoTime() + timeout.toNanos();
        MasterSocket.ProcState last = null;
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new TargetException("HAProxy for " + name + " exited with status " + process.exitValue() + ":\n" + logTail());
            }
            try {
                last = master.state();
                if (last.failed() > 0) {
                    throw new TargetException("HAProxy for " + name + " failed to load its configuration " + config + ":\n" + logTail());
                }
                if (last.reloads() >= reloads && last.workers() >= 1) {
                    return;
                }
            } catch (IOException | NumberFormatException e) {
                // the master is (re)starting and not yet answering
            }
            sleep();
        }
        throw new TargetException("HAProxy for " + name + " did not run its configuration within " + timeout.toSeconds()
                + " s (last state " + last + "):\n" + logTail());
    }

    private MasterSocket.ProcState state() throws TargetException {
        try {
            return master.state();
        } catch (IOException e) {
            throw new TargetException("HAProxy for " + name + " does not answer on its master socket: " + e.getMessage(), e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the master and its workers at once (chaos: instance loss). */
    void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * Stops without cutting requests in flight (SIGUSR1, HAProxy's soft stop): listeners close at once,
     * current requests finish within {@code hard-stop-after}; bounded, then killed.
     */
    void drain() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", "-USR1", String.valueOf(process.pid())).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException e) {
            close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Stops gracefully: the master stops its workers on SIGTERM; bounded, then killed. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
    }
}
