package io.meshproof.oracle;

import io.meshproof.load.RequestRecord;

import java.util.List;
import java.util.Map;

/**
 * What a scenario's load observed, after convergence.
 *
 * @param records          one per request, in send order
 * @param loadStartMicros  wall-clock start of the load, microseconds since the epoch
 * @param instances        every instance of the service under test that existed during the load,
 *                         by name ({@code ratings-v1-extra-0}), with its behavior (healthy, unavailable, ...)
 * @param markers          chaos actions and other events during the load (kind, time), for time-series oracles
 */
public record Observations(
        List<RequestRecord> records,
        long loadStartMicros,
        Map<String, String> instances,
        List<Marker> markers) {

    public Observations {
        records = List.copyOf(records);
        instances = instances == null ? Map.of() : Map.copyOf(instances);
        markers = markers == null ? List.of() : List.copyOf(markers);
    }

    /** Something that happened during the load: {@code kill reviews-v1-0} at a time. */
    public record Marker(long atMicros, String kind, String detail) {}
}
