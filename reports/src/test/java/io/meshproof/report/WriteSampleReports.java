package io.meshproof.report;

import io.meshproof.report.matrix.Matrix;
import io.meshproof.report.matrix.MatrixFiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the sample reports to look at them in a browser:
 * {@code mvn -B -q -o -pl reports test -Dtest=WriteSampleReports -Dmeshproof.samples.dir=/tmp/samples}.
 */
@EnabledIfSystemProperty(named = "meshproof.samples.dir", matches = ".+", disabledReason = "writes files only on request")
class WriteSampleReports {

    @Test
    void write() throws IOException {
        Path dir = Path.of(System.getProperty("meshproof.samples.dir"));
        List<ConformanceReport> reports = List.of(SampleReports.passedLocal(), SampleReports.failingIstio(),
                SampleReports.linkerdEmulated());
        for (ConformanceReport r : reports) {
            ReportFiles.write(r, dir.resolve(r.target().name()));
        }
        MatrixFiles.write(Matrix.of(reports), dir);
    }
}
