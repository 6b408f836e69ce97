package io.meshproof.target;

import io.meshproof.target.RenderedState.RenderedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Writes a scenario's rendered state for review ({@code mesh.dryRun=true}) to
 * {@code <report dir>/<target>/rendered/<scenario id>/}, one file per manifest, so that a user can
 * read them or run {@code kubectl apply --dry-run=server -f} on the directory. Files left from an
 * earlier run of the same scenario are removed first, so the directory holds exactly this state.
 */
public final class DryRunWriter {

    private final Path reportDir;

    public DryRunWriter(Path reportDir) {
        this.reportDir = reportDir;
    }

    /** The directory the files of one scenario go to. */
    public Path directory(String target, String scenarioId) {
        return reportDir.resolve(target).resolve("rendered").resolve(scenarioId);
    }

    /** Writes the files and returns their directory. */
    public Path write(String target, String scenarioId, RenderedState state) throws IOException {
        Path dir = directory(target, scenarioId);
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : old.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        for (RenderedFile file : state.files()) {
            Path target0 = dir.resolve(file.name()).normalize();
            if (!target0.getParent().equals(dir.normalize())) {
                throw new IOException("rendered file name '" + file.name() + "' leaves its directory");
            }
            Files.writeString(target0, file.content(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
