package io.meshproof.report.matrix;

import io.meshproof.report.ReportMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code matrix.json} and {@code matrix.html} beside the targets' directories. */
public final class MatrixFiles {

    public static final String JSON = "matrix.json";
    public static final String HTML = "matrix.html";

    private MatrixFiles() {}

    /** Writes both files into {@code dir} (usually the report dir), creating it; returns the files written. */
    public static List<Path> write(Matrix matrix, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = Files.writeString(dir.resolve(JSON), ReportMapper.toJson(matrix));
        Path html = Files.writeString(dir.resolve(HTML), MatrixPage.render(matrix));
        return List.of(json, html);
    }
}
