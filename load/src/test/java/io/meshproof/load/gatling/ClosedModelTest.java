package io.meshproof.load.gatling;

import io.meshproof.load.LoadResult;
import io.meshproof.load.RequestRecord;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The closed model keeps exactly its concurrency in flight, and latency is measured to the response. */
class ClosedModelTest {

    private static final int CONCURRENCY = 4;
    private static final int REQUESTS = 48;
    private static final long SERVER_DELAY_MILLIS = 40;

    @Test
    void holdsExactlyTheConcurrencyInFlight() throws Exception {
        LoadResult result;
        int maxInFlight;
        int served;
        try (PodnameServer server = new PodnameServer(index -> PodnameServer.Answer.json("reviews-v1-0").delayed(SERVER_DELAY_MILLIS))) {
            result = new GatlingLoadRunner().run(Plans.closed(server.baseUri(), CONCURRENCY, REQUESTS), null);
            maxInFlight = server.maxInFlight();
            served = server.requests();
        }

        // never more than the concurrency (closed model), and the concurrency was actually used
        assertThat(maxInFlight).isEqualTo(CONCURRENCY);
        assertThat(served).isEqualTo(REQUESTS);
        assertThat(result.records()).hasSize(REQUESTS).allSatisfy(record -> assertThat(record.status()).isEqualTo(200));
        long[] latencies = result.records().stream().mapToLong(RequestRecord::latencyMicros).sorted().toArray();
        assertThat(latencies[0]).isGreaterThanOrEqualTo(SERVER_DELAY_MILLIS * 1000);
        assertThat(latencies[latencies.length / 2]).as("median of %s", Arrays.toString(latencies))
                .isLessThan((SERVER_DELAY_MILLIS + 60) * 1000);
    }
}
