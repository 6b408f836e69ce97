package io.meshproof.load;

import java.time.Instant;

/** Wall-clock time in microseconds since the epoch: the time base of records, markers and chaos actions. */
public final class EpochMicros {

    private EpochMicros() {
    }

    public static long now() {
        return of(Instant.now());
    }

    public static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
