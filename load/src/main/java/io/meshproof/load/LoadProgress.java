package io.meshproof.load;

/** Hears how a load run goes, for progress lines during long runs. */
public interface LoadProgress {

    LoadProgress SILENT = (sent, planned, elapsedMillis) -> { };

    /** Called about once a second while the load runs. */
    void update(int sent, int planned, long elapsedMillis);
}
