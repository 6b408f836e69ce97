package io.meshproof.oracle;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Tallies of how requests ended, for the evidence of every oracle. */
final class Outcomes {

    private Outcomes() {
    }

    /** Responses by status code: {"200": 1490, "503": 10}. */
    static Map<String, Integer> statuses(List<RequestRecord> records) {
        Map<String, Integer> statuses = new TreeMap<>();
        for (RequestRecord r : records) {
            if (!r.connectionFailed()) {
                statuses.merge(String.valueOf(r.status()), 1, Integer::sum);
            }
        }
        return statuses;
    }

    /** Connection failures by kind: {"reset": 3, "timeout": 1}. */
    static Map<String, Integer> connectionErrors(List<RequestRecord> records) {
        Map<String, Integer> errors = new TreeMap<>();
        for (RequestRecord r : records) {
            if (r.connectionFailed()) {
                errors.merge(name(r.error()), 1, Integer::sum);
            }
        }
        return errors;
    }

    static String name(ConnectionError error) {
        return error.name().toLowerCase(Locale.ROOT);
    }
}
