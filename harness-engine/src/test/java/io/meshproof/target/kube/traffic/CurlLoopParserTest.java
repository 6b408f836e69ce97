package io.meshproof.target.kube.traffic;

import io.meshproof.load.ConnectionError;
import io.meshproof.load.RequestRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurlLoopParserTest {

    @Test
    void aLinePerRequestBecomesARecord() {
        CurlLoopParser parser = new CurlLoopParser("tester");
        parser.line("MPCLOCK ns");
        parser.line("MP 1 1795382436123456 0 200 0.012345 reviews-v3-6d9c7-abcde");
        parser.line("MPEND 1");

        RequestRecord r = parser.records().get(0);
        assertThat(r.sentAtMicros()).isEqualTo(1795382436123456L);
        assertThat(r.latencyMicros()).isEqualTo(12345);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.error()).isEqualTo(ConnectionError.NONE);
        assertThat(r.instance()).isEqualTo("reviews-v3-6d9c7-abcde");
        assertThat(r.version()).isEqualTo("v3");
        assertThat(r.sender()).isEqualTo("tester");
        assertThat(parser.clock()).isEqualTo("ns");
        assertThat(parser.ended()).isTrue();
    }

    @Test
    void curlExitCodesNameTheConnectionError() {
        assertThat(CurlLoopParser.error(7, 0)).isEqualTo(ConnectionError.REFUSED);
        assertThat(CurlLoopParser.error(28, 0)).isEqualTo(ConnectionError.TIMEOUT);
        assertThat(CurlLoopParser.error(56, 0)).isEqualTo(ConnectionError.RESET);
        assertThat(CurlLoopParser.error(52, 0)).isEqualTo(ConnectionError.RESET);
        assertThat(CurlLoopParser.error(55, 0)).isEqualTo(ConnectionError.RESET);
        assertThat(CurlLoopParser.error(35, 0)).isEqualTo(ConnectionError.OTHER);
        assertThat(CurlLoopParser.error(0, 0)).as("no status although curl succeeded").isEqualTo(ConnectionError.OTHER);
        assertThat(CurlLoopParser.error(0, 403)).isEqualTo(ConnectionError.NONE);
    }

    @Test
    void aResetHasNoStatusEvenIfCurlPrintedOne() {
        CurlLoopParser parser = new CurlLoopParser("outsider");
        parser.line("MP 1 100 56 000 0.000900 -");
        RequestRecord r = parser.records().get(0);
        assertThat(r.status()).isZero();
        assertThat(r.error()).isEqualTo(ConnectionError.RESET);
        assertThat(r.instance()).isNull();
        assertThat(r.version()).isNull();
    }

    @Test
    void recordsComeInSendOrderAndOtherLinesAreKeptAside() {
        CurlLoopParser parser = new CurlLoopParser("tester");
        parser.line("MP 2 300 0 200 0.1 -");
        parser.line("MP 1 100 0 200 0.5 -");
        parser.line("curl: (6) Could not resolve host");
        parser.line("MP 3 x 0 200 0.1 -");
        assertThat(parser.records()).extracting(RequestRecord::sentAtMicros).containsExactly(100L, 300L);
        assertThat(parser.unparsed()).hasSize(2);
        assertThat(parser.ended()).as("no MPEND: cut off").isFalse();
    }

    @Test
    void versionComesFromThePodName() {
        assertThat(CurlLoopParser.version("reviews-v2-7f9c8d-x2x4k")).isEqualTo("v2");
        assertThat(CurlLoopParser.version("ratings-v1-faulty-5d4-abc")).isEqualTo("v1");
        assertThat(CurlLoopParser.version("productpage-7f9c8d-x2x4k")).isNull();
        assertThat(CurlLoopParser.version(null)).isNull();
    }
}
