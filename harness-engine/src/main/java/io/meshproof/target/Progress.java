package io.meshproof.target;

import java.util.Locale;

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
        return new Step(this, what, System.nanoTime());
    }

    /** A long step under way: closing it says it is done, unless it was said to have failed. */
    final class Step implements AutoCloseable {
        private final Progress progress;
        private final String what;
        private final long startedNanos;
        private boolean ended;

        private Step(Progress progress, String what, long startedNanos) {
            this.progress = progress;
            this.what = what;
            this.startedNanos = startedNanos;
        }

        /** Ends the step as failed, so that its close does not claim it was done; the caller reports the cause. */
        public void failed() {
            end(" failed after ");
        }

        @Override
        public void close() {
            end(" done in ");
        }

        private void end(String how) {
            if (!ended) {
                ended = true;
                progress.line(what + how + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedNanos) / 1e9));
            }
        }
    }
}
