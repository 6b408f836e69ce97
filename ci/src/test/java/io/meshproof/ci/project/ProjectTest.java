package io.meshproof.ci.project;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectTest {

    @TempDir
    Path dir;

    @Test
    void locatesTheRootFromBelowAndReadsModulesProfilesAndArtifactIds() throws IOException {
        Project p = TempProject.create(dir);

        assertThat(p.root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(p.modulePaths()).containsExactlyInAnyOrder("app", "libs", "libs/util");
        assertThat(p.profiles()).containsExactlyInAnyOrder("root-profile", "fast");
        assertThat(p.module("app")).contains("app");
        assertThat(p.module("./libs/util")).contains("libs/util");
        assertThat(p.module(":example-util")).contains("libs/util");
        assertThat(p.module("io.example:example-app")).contains("app");
        assertThat(p.module("other.group:example-app")).isEmpty();
        assertThat(p.module("util")).isEmpty();
        assertThat(p.module("nosuch")).isEmpty();
    }

    @Test
    void aMainClassIsAMainSourceWithAMainMethodInTheGivenModules() throws IOException {
        Project p = TempProject.create(dir);

        assertThat(p.hasMainClass("io.example.Main", Set.of())).isTrue();
        assertThat(p.hasMainClass("io.example.Main", Set.of("app"))).isTrue();
        assertThat(p.hasMainClass("io.example.Main", Set.of("libs/util"))).isFalse();
        assertThat(p.hasMainClass("io.example.Helper", Set.of())).as("no main method").isFalse();
        assertThat(p.hasMainClass("io.example.TestMain", Set.of())).as("test sources do not count").isFalse();
        assertThat(p.hasMainClass("io.example.Nope", Set.of())).isFalse();
    }

    @Test
    void engineParametersAreTheMeshStringsOfTheMainSources() throws IOException {
        assertThat(TempProject.create(dir).engineParameters()).containsExactly("mesh.target");
    }

    @Test
    void withoutARootItSaysWhatItLookedFor() throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        assertThatThrownBy(() -> Project.locate(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no project root at or above " + dir)
                .hasMessageContaining("pom.xml and .ci/run");
    }

    @Test
    void aModuleWithoutPomIsNamed() throws IOException {
        TempProject.create(dir);
        Files.delete(dir.resolve("libs/util/pom.xml"));
        assertThatThrownBy(() -> Project.at(dir))
                .hasMessageContaining("lists module 'util'")
                .hasMessageContaining("does not exist");
    }

    @Test
    void theRealProjectIsFoundFromThisModule() {
        Project p = Project.locate(Path.of(""));
        assertThat(p.root().resolve(".ci/run")).isRegularFile();
        assertThat(p.modulePaths()).contains("ci", "reports", "scenarios", "harness-engine");
        assertThat(p.profiles()).contains("negative-controls");
        assertThat(p.engineParameters()).contains("mesh.target", "mesh.profile", "mesh.upgrade.from", "mesh.upgrade.to");
    }
}
