package io.meshproof.target.kube.schema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SharedCrdsTest {

    @Test
    void findsSharedCrdsBesideAnAncestor(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("shared/crds/istio"));
        Path module = Files.createDirectories(root.resolve("worktree/harness-engine"));
        assertThat(SharedCrds.locateFrom(module)).contains(root.resolve("shared/crds"));
    }

    @Test
    void findsNothingWhereThereIsNone(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("shared/other"));
        Path module = Files.createDirectories(root.resolve("worktree/harness-engine"));
        assertThat(SharedCrds.locateFrom(module)).isEmpty();
    }
}
