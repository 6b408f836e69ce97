package io.meshproof.target;

import java.util.List;

/** A scenario's state as one target writes it: files (Kubernetes manifests, HAProxy configuration). */
public record RenderedState(List<RenderedFile> files) {

    public RenderedState {
        files = List.copyOf(files);
    }

    /** Writes the files into {@code dir} (created, emptied of earlier renders); returns how many. */
    public int writeTo(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        try (var old = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : old.toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        }
        for (RenderedFile file : files) {
            java.nio.file.Files.writeString(dir.resolve(file.name()), file.content());
        }
        return files.size();
    }

    /** One file: {@code 10-virtualservice-reviews.yaml} and its content. */
    public record RenderedFile(String name, String content) {}
}
