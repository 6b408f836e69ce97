package io.meshproof.target.kube;

import io.meshproof.scenario.InvalidScenarioException;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import io.meshproof.target.istio.render.IstioRenderer;
import io.meshproof.target.linkerd.render.LinkerdRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Scenario files the rendering tests use: this module's fixtures and the project's catalog. */
public final class KubeTestScenarios {

    private KubeTestScenarios() {
    }

    public static List<MeshRenderer> renderers() {
        return List.of(new IstioRenderer(), new LinkerdRenderer());
    }

    /** The fixtures under src/test/resources/scenarios: one or more per feature of the catalog. */
    public static List<Scenario> fixtures() {
        try {
            return read(Path.of(KubeTestScenarios.class.getResource("/scenarios").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Scenario fixture(String id) {
        return fixtures().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test scenario " + id));
    }

    /** The project's scenarios/catalog directory, found walking up from the working directory. */
    public static Optional<Path> catalogDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("scenarios").resolve("catalog");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Every scenario file under a directory, recursively, each read strictly. */
    public static List<Scenario> read(Path dir) {
        List<Scenario> scenarios = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList()) {
                scenarios.add(ScenarioReader.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidScenarioException e) {
            throw new IllegalStateException("a scenario file the tests use is invalid:\n" + e.getMessage(), e);
        }
        return scenarios;
    }
}
