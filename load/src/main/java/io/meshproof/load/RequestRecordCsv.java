package io.meshproof.load;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/**
 * Request records as CSV (RFC 4180, with a header line): how reports attach them, and how the load
 * fork hands them to the harness. Columns, in order: {@code sentAtMicros, latencyMicros, status, error,
 * version, instance, sender}; an unknown version, instance or sender is an empty field.
 */
public final class RequestRecordCsv {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            // the record's derived accessors (sentAtMillis, ...) are not columns
            .enable(JsonGenerator.Feature.IGNORE_UNKNOWN)
            .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL)
            .build();

    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addNumberColumn("sentAtMicros")
            .addNumberColumn("latencyMicros")
            .addNumberColumn("status")
            .addColumn("error")
            .addColumn("version")
            .addColumn("instance")
            .addColumn("sender")
            .setUseHeader(true)
            .build();

    private RequestRecordCsv() {
    }

    /** Writes the records, header first; flushes but does not close the writer. */
    public static void write(List<RequestRecord> records, Writer out) throws IOException {
        try (SequenceWriter writer = MAPPER.writerFor(RequestRecord.class).with(SCHEMA).writeValues(out)) {
            writer.writeAll(records);
        }
        out.flush();
    }

    /** Reads records written by {@link #write}; the header must name the same columns in the same order. */
    public static List<RequestRecord> read(Reader in) throws IOException {
        try (MappingIterator<RequestRecord> rows = MAPPER.readerFor(RequestRecord.class)
                .with(SCHEMA.withStrictHeaders(true))
                .readValues(in)) {
            return rows.readAll();
        }
    }
}
