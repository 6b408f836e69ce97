package io.meshproof.load;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestRecordCsvTest {

    private static final List<RequestRecord> RECORDS = List.of(
            new RequestRecord(1_763_850_000_123_456L, 2_345, 200, ConnectionError.NONE, "v2", "reviews-v2-7f9c4", "ingress"),
            new RequestRecord(1_763_850_000_223_456L, 1_000_512, 0, ConnectionError.TIMEOUT, null, null, "tester"),
            new RequestRecord(1_763_850_000_323_456L, 310, 0, ConnectionError.RESET, null, null, "odd, \"quoted\" sender"));

    @Test
    void writesAHeaderAndOneLinePerRecord() throws IOException {
        StringWriter out = new StringWriter();

        RequestRecordCsv.write(RECORDS, out);

        assertThat(out.toString().split("\n")).containsExactly(
                "sentAtMicros,latencyMicros,status,error,version,instance,sender",
                "1763850000123456,2345,200,NONE,v2,reviews-v2-7f9c4,ingress",
                "1763850000223456,1000512,0,TIMEOUT,,,tester",
                "1763850000323456,310,0,RESET,,,\"odd, \"\"quoted\"\" sender\"");
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        StringWriter out = new StringWriter();
        RequestRecordCsv.write(RECORDS, out);

        assertThat(RequestRecordCsv.read(new StringReader(out.toString()))).isEqualTo(RECORDS);
    }

    @Test
    void writesOnlyAHeaderForNoRecords() throws IOException {
        StringWriter out = new StringWriter();

        RequestRecordCsv.write(List.of(), out);

        assertThat(RequestRecordCsv.read(new StringReader(out.toString()))).isEmpty();
    }

    @Test
    void rejectsColumnsInAnotherOrder() {
        String swapped = "latencyMicros,sentAtMicros,status,error,version,instance,sender\n1,2,200,NONE,,,x\n";

        assertThatThrownBy(() -> RequestRecordCsv.read(new StringReader(swapped))).isInstanceOf(IOException.class)
                .hasMessageContaining("sentAtMicros");
    }
}
