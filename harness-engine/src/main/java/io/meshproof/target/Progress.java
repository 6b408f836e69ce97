package io.meshproof.target;

/**
 * Progress lines for long steps (cluster, install, deploy, convergence, load), each with the
 * elapsed time, so a person watching a run knows what it is doing.
 */
public interface Progress {

    Progress SILENT = message -> { };

    void line(String message);

    /** Starts a step; closing it prints the step with its duration. */
    default Step step(String what) {
        line(what + " ...");
        long started = System.nanoTime();
        return () -> line(what + " done in " + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));
    }

    interface Step extends AutoCloseable {
        @Override
        void close();
    }
}
