package io.meshproof.target;

import java.util.List;

/** A scenario's state as one target writes it: files (Kubernetes manifests, HAProxy configuration). */
public record RenderedState(List<RenderedFile> files) {

    public RenderedState {
        files = List.copyOf(files);
    }


    /** One file: {@code 10-virtualservice-reviews.yaml} and its content. */
    public record RenderedFile(String name, String content) {}
}
