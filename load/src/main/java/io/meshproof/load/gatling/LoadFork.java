package io.meshproof.load.gatling;

import io.meshproof.load.LoadException;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.gatling.fork.ForkProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running load fork: reads its output (protocol lines become state, the rest is the load log),
 * waits for it within a bound and kills it past the bound, and leaves no process behind when closed.
 */
final class LoadFork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadFork.class);
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final Thread outputReader;
    private final Thread killOnExit;
    private final Writer logFile;
    private final Deque<String> tail = new ArrayDeque<>();

    private volatile long startedMicros = -1;
    /** Hears when the first request went out; set by {@link #await}, which may come after that moment. */
    private volatile LoadProgress listener;
    private final java.util.concurrent.atomic.AtomicBoolean startAnnounced = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long endedMicros = -1;
    private volatile long sent;
    private volatile long recorded = -1;
    private volatile long elapsedMillis;

    private LoadFork(Process process, Writer logFile) {
        this.process = process;
        this.logFile = logFile;
        this.outputReader = new Thread(this::readOutput, "meshproof-load-fork-output");
        this.outputReader.setDaemon(true);
        this.outputReader.start();
        // Ctrl-C or a normal exit of the harness's JVM takes the fork along; a killed JVM closes the fork's stdin
        this.killOnExit = new Thread(process::destroyForcibly, "meshproof-load-fork-kill");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts the fork in {@code directory}; its standard input stays open until {@link #close()}. */
    static LoadFork start(List<String> command, Path directory, Path logFile) throws LoadException {
        Writer log = null;
        try {
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
            }
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            return new LoadFork(process, log);
        } catch (IOException e) {
            closeQuietly(log);
            throw new LoadException("could not start the Gatling load fork (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits for the fork to end, reporting its progress about once a second on this thread.
     *
     * @return the fork's exit status
     * @throws LoadException when it is still running after {@code bound}: it is killed first
     */
    int await(Duration bound, int planned, LoadProgress progress) throws LoadException, InterruptedException {
        listener = progress;
        announceStart();
        long deadline = System.nanoTime() + bound.toNanos();
        long reportedSent = -1;
        long reportedElapsed = -1;
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (process.waitFor(Math.max(0, Math.min(remaining, TimeUnit.SECONDS.toNanos(1))), TimeUnit.NANOSECONDS)) {
                outputReader.join(TimeUnit.SECONDS.toMillis(5));
                progress.update((int) sent, planned, elapsedMillis);
                return process.exitValue();
            }
            if (remaining <= 0) {
                kill();
                throw new LoadException("the Gatling load fork was still running after " + bound.toMillis()
                        + " ms (the plan's maxDuration and request timeout plus the runner's overstay margin) and was killed"
                        + lastOutput());
            }
            if (sent != reportedSent || elapsedMillis != reportedElapsed) {
                reportedSent = sent;
                reportedElapsed = elapsedMillis;
                progress.update((int) reportedSent, planned, reportedElapsed);
            }
        }
    }

    /** Tells the listener once that the load has started, whichever of the two threads comes second. */
    private void announceStart() {
        LoadProgress l = listener;
        if (l != null && startedMicros > 0 && startAnnounced.compareAndSet(false, true)) {
            l.started(startedMicros);
        }
    }

    long startedMicros() {
        return startedMicros;
    }

    long endedMicros() {
        return endedMicros;
    }

    long sent() {
        return sent;
    }

    long recorded() {
        return recorded;
    }

    /** The fork's last lines of log, for error messages. */
    String lastOutput() {
        synchronized (tail) {
            return tail.isEmpty() ? " (it printed nothing)" : "; its last output:\n  " + String.join("\n  ", tail);
        }
    }

    @Override
    public void close() {
        kill();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the fork is dead; its stdin is gone with it
        }
        try {
            outputReader.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook runs anyway
        }
        closeQuietly(logFile);
    }

    private void kill() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    LOG.warn("the Gatling load fork (pid {}) did not die within 10 s of SIGKILL", process.pid());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                String text = line;
                ForkProtocol.parse(text).ifPresentOrElse(this::onProtocolLine, () -> onLogLine(text));
            }
        } catch (IOException e) {
            LOG.debug("stopped reading the load fork's output: {}", e.getMessage());
        }
    }

    private void onProtocolLine(ForkProtocol.Line line) {
        long[] values = line.values();
        switch (line.kind()) {
            case started:
                startedMicros = values[0];
                announceStart();
                break;
            case progress:
                sent = values[0];
                elapsedMillis = values[1];
                break;
            case ended:
                endedMicros = values[0];
                sent = values[1];
                recorded = values[2];
                if (startedMicros > 0) {
                    elapsedMillis = (endedMicros - startedMicros) / 1000;
                }
                break;
            default:
                throw new IllegalStateException("unknown protocol line " + line.kind());
        }
    }

    private void onLogLine(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
        LOG.debug("fork: {}", line);
        if (logFile != null) {
            try {
                logFile.write(line);
                logFile.write(System.lineSeparator());
            } catch (IOException e) {
                LOG.warn("could not write the load log: {}", e.getMessage());
            }
        }
    }

    private static void closeQuietly(Writer writer) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.warn("could not close the load log: {}", e.getMessage());
            }
        }
    }
}
