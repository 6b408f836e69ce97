package io.meshproof.load;

/** Hears how a load run goes, for progress lines during long runs. */
public interface LoadProgress {

    LoadProgress SILENT = (sent, planned, elapsedMillis) -> { };

    /** Called about once a second while the load runs. */
    void update(int sent, int planned, long elapsedMillis);

    /** Called once, as soon as the first request went out (wall clock, microseconds since the epoch). */
    default void started(long firstSendMicros) {
    }
}
