package io.meshproof.engine.discovery;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.descriptor.InvalidScenarioDescriptor;
import io.meshproof.engine.descriptor.ScenarioDescriptor;
import io.meshproof.engine.descriptor.TargetDescriptor;
import io.meshproof.scenario.InvalidScenarioException;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioProblem;
import io.meshproof.scenario.ScenarioReader;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Resolves selectors to scenario files: a directory to its {@code *.yaml} files (recursively, in
 * name order), a file to a scenario under the run's target, a target's unique id to its node. A file
 * that does not match the contract becomes a failing node and a discovery warning; the others run.
 */
final class ScenarioFileResolver implements SelectorResolver {

    private final MeshConfiguration config;
    private final UniqueId targetId;
    private final ScenarioSelection selection;
    private final DiscoveryIssueReporter issues;
    /** Ids seen so far, to reject a second file with the same id. */
    private final Map<String, Path> ids = new HashMap<>();

    ScenarioFileResolver(MeshConfiguration config, UniqueId engineId, DiscoveryIssueReporter issues) {
        this.config = config;
        this.targetId = engineId.append(TargetDescriptor.SEGMENT, config.target());
        this.selection = new ScenarioSelection(config.scenarioPatterns(), config.profile());
        this.issues = issues;
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Path dir = selector.getPath();
        if (!Files.isDirectory(dir)) {
            return invalid(context, dir, 1, "the scenario directory " + dir.toAbsolutePath() + " does not exist",
                    "check " + MeshConfiguration.SCENARIOS_DIR + " or the suite's @SelectDirectories");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<DiscoverySelector> files = new LinkedHashSet<>();
            walk.filter(Files::isRegularFile).filter(ScenarioFileResolver::isYaml).sorted()
                    .forEach(p -> files.add(DiscoverySelectors.selectFile(p.toFile())));
            return files.isEmpty() ? Resolution.unresolved() : Resolution.selectors(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the scenario directory " + dir, e);
        }
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(selector.getClasspathResourceName());
        if (url == null || !"file".equals(url.getProtocol())) {
            return Resolution.unresolved();
        }
        try {
            Path path = Path.of(url.toURI());
            return Resolution.selectors(Set.of(Files.isDirectory(path)
                    ? DiscoverySelectors.selectDirectory(path.toFile()) : DiscoverySelectors.selectFile(path.toFile())));
        } catch (URISyntaxException e) {
            return Resolution.unresolved();
        }
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        Path file = selector.getPath();
        if (!isYaml(file)) {
            return Resolution.unresolved();
        }
        Scenario scenario;
        try {
            scenario = ScenarioReader.read(file);
        } catch (InvalidScenarioException e) {
            return invalid(context, file, e.problems());
        }
        if (!selection.includes(scenario)) {
            return Resolution.unresolved();
        }
        Path earlier = ids.putIfAbsent(scenario.id(), file);
        if (earlier != null && !earlier.equals(file)) {
            return invalid(context, file, scenario.line(), "scenario id '" + scenario.id() + "' is already used by " + earlier,
                    "give every scenario a unique id");
        }
        Optional<ScenarioDescriptor> descriptor = context.addToParent(this::targetSelector,
                parent -> Optional.of(new ScenarioDescriptor(parent.getUniqueId(), scenario)));
        return descriptor.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (id.equals(targetId)) {
            return context.addToParent(parent -> Optional.of(target(parent)))
                    .map(t -> Resolution.match(Match.exact(t))).orElse(Resolution.unresolved());
        }
        return Resolution.unresolved();
    }

    /** The run's target node, created once (discovery may run twice, for {@code mesh.scenarios.dir}). */
    private TestDescriptor target(TestDescriptor engine) {
        return engine.findByUniqueId(targetId).map(TestDescriptor.class::cast)
                .orElseGet(() -> new TargetDescriptor(engine.getUniqueId(), config.target()));
    }

    private DiscoverySelector targetSelector() {
        return DiscoverySelectors.selectUniqueId(targetId);
    }

    private Resolution invalid(Context context, Path file, int line, String what, String fix) {
        return invalid(context, file, List.of(new ScenarioProblem(file, line, what, fix)));
    }

    private Resolution invalid(Context context, Path file, List<ScenarioProblem> problems) {
        Optional<InvalidScenarioDescriptor> descriptor = context.addToParent(this::targetSelector,
                parent -> Optional.of(new InvalidScenarioDescriptor(parent.getUniqueId(), file, problems)));
        descriptor.ifPresent(d -> issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, d.message())
                .source(d.getSource().orElse(FileSource.from(file.toFile())))));
        return descriptor.map(d -> Resolution.match(Match.exact(d))).orElse(Resolution.unresolved());
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
