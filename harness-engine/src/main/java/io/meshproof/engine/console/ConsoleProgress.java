package io.meshproof.engine.console;

import io.meshproof.target.Progress;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on the console, each stamped with the time since the run started. */
public final class ConsoleProgress implements Progress {

    private final PrintStream out;
    private final long startedNanos;
    private final String prefix;

    public ConsoleProgress(PrintStream out) {
        this(out, System.nanoTime(), "");
    }

    private ConsoleProgress(PrintStream out, long startedNanos, String prefix) {
        this.out = out;
        this.startedNanos = startedNanos;
        this.prefix = prefix;
    }

    @Override
    public void line(String message) {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        long minutes = (long) (seconds / 60);
        synchronized (out) {
            out.printf(Locale.ROOT, "[meshproof %02d:%04.1f] %s%s%n", minutes, seconds - minutes * 60, prefix, message);
            out.flush();
        }
    }

    /** The same clock with a longer prefix, such as {@code local: reviews-canary-90-10: }. */
    public ConsoleProgress child(String more) {
        return new ConsoleProgress(out, startedNanos, prefix + more);
    }
}
