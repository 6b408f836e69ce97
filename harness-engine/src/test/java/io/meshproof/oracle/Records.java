package io.meshproof.oracle;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Synthetic request records for oracle tests: one request every 20 ms from {@link #START}. */
final class Records {

    static final long START = 1_700_000_000_000_000L;
    static final long GAP_MICROS = 20_000;

    private Records() {
    }

    static RequestRecord ok(int index, String version) {
        return new RequestRecord(START + index * GAP_MICROS, 10_000, 200, ConnectionError.NONE, version, null, "ingress");
    }

    static RequestRecord status(int index, int status) {
        return new RequestRecord(START + index * GAP_MICROS, 10_000, status, ConnectionError.NONE, null, null, "ingress");
    }

    static RequestRecord failed(int index, ConnectionError error) {
        return new RequestRecord(START + index * GAP_MICROS, 1_000, 0, error, null, null, "ingress");
    }

    static RequestRecord latency(int index, long latencyMicros) {
        return new RequestRecord(START + index * GAP_MICROS, latencyMicros, 200, ConnectionError.NONE, "v1", null, "ingress");
    }

    static RequestRecord from(int index, String instance, int status) {
        return new RequestRecord(START + index * GAP_MICROS, 10_000, status, ConnectionError.NONE, null, instance, "ingress");
    }

    /** Answers with exactly these counts by version, in a shuffled (seeded) order. */
    static List<RequestRecord> answers(Map<String, Integer> counts, long seed) {
        List<String> versions = new ArrayList<>();
        counts.forEach((version, count) -> versions.addAll(Collections.nCopies(count, version)));
        Collections.shuffle(versions, new Random(seed));
        List<RequestRecord> records = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            records.add(ok(i, versions.get(i)));
        }
        return records;
    }

    static Observations observe(List<RequestRecord> records) {
        return new Observations(records, START, Map.of(), List.of());
    }

    static Observations observe(List<RequestRecord> records, Map<String, String> instances) {
        return new Observations(records, START, instances, List.of());
    }
}
