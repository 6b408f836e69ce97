package io.meshproof.load;

import java.time.Instant;
import java.util.List;

/** The records of one load run, in the order the requests were sent. */
public record LoadResult(List<RequestRecord> records, Instant started, Instant ended, String engine) {

    public LoadResult {
        records = List.copyOf(records);
    }
}
