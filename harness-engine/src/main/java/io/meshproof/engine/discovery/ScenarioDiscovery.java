package io.meshproof.engine.discovery;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.descriptor.MeshproofEngineDescriptor;
import io.meshproof.engine.descriptor.ScenarioDescriptor;
import io.meshproof.engine.descriptor.TargetDescriptor;
import io.meshproof.engine.upgrade.PhaseDescriptor;
import io.meshproof.engine.upgrade.UpgradeUnderLoadDescriptor;
import io.meshproof.engine.upgrade.UpgradeVerdictDescriptor;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

import java.nio.file.Path;
import java.util.List;

/**
 * Discovery in the manner of Cucumber's platform engine: selectors (directories, files, classpath
 * resources, unique ids) are resolved by {@link ScenarioFileResolver}; then, when the request
 * selected any scenario, the directory in {@code mesh.scenarios.dir} is added.
 */
public final class ScenarioDiscovery {

    private final MeshConfiguration config;

    public ScenarioDiscovery(MeshConfiguration config) {
        this.config = config;
    }

    public void discover(EngineDiscoveryRequest request, MeshproofEngineDescriptor engine) {
        DiscoveryIssueReporter issues = DiscoveryIssueReporter.deduplicating(
                DiscoveryIssueReporter.forwarding(request.getDiscoveryListener(), engine.getUniqueId()));
        ScenarioFileResolver files = new ScenarioFileResolver(config, engine.getUniqueId(), issues);
        EngineDiscoveryRequestResolver<MeshproofEngineDescriptor> resolver = EngineDiscoveryRequestResolver
                .<MeshproofEngineDescriptor>builder()
                .addSelectorResolver(files)
                .build();
        resolver.resolve(request, engine, issues);
        if (MeshproofEngineDescriptor.hasScenarios(engine) && config.scenariosDir().isPresent()) {
            resolver.resolve(new ExtraDirectory(request, config.scenariosDir().get()), engine, issues);
        }
        config.upgrade().ifPresent(upgrade -> engine.getChildren().stream()
                .filter(TargetDescriptor.class::isInstance).map(TargetDescriptor.class::cast).toList()
                .forEach(target -> asUpgradeGate(target, upgrade)));
    }

    /**
     * An upgrade gate runs the suite twice on one target: target > [from > scenarios], the upgrade
     * under load, [to > the same scenarios], the verdict (the diff of the two reports).
     */
    private static void asUpgradeGate(TargetDescriptor target, MeshConfiguration.Upgrade upgrade) {
        List<ScenarioDescriptor> scenarios = target.getChildren().stream()
                .filter(ScenarioDescriptor.class::isInstance).map(ScenarioDescriptor.class::cast).toList();
        scenarios.forEach(target::removeChild);
        PhaseDescriptor from = new PhaseDescriptor(target.getUniqueId(), PhaseDescriptor.FROM, upgrade.from());
        PhaseDescriptor to = new PhaseDescriptor(target.getUniqueId(), PhaseDescriptor.TO, upgrade.to());
        for (ScenarioDescriptor scenario : scenarios) {
            from.addChild(new ScenarioDescriptor(from.getUniqueId(), scenario.scenario()));
            to.addChild(new ScenarioDescriptor(to.getUniqueId(), scenario.scenario()));
        }
        target.addChild(from);
        target.addChild(new UpgradeUnderLoadDescriptor(target.getUniqueId(), upgrade));
        target.addChild(to);
        target.addChild(new UpgradeVerdictDescriptor(target.getUniqueId(), upgrade));
    }

    /** The original request, reduced to one more directory to scan. */
    private record ExtraDirectory(EngineDiscoveryRequest original, Path dir) implements EngineDiscoveryRequest {

        @Override
        public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> type) {
            DiscoverySelector selector = DiscoverySelectors.selectDirectory(dir.toFile());
            return type.isInstance(selector) ? List.of(type.cast(selector)) : List.of();
        }

        @Override
        public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> type) {
            return original.getFiltersByType(type);
        }

        @Override
        public ConfigurationParameters getConfigurationParameters() {
            return original.getConfigurationParameters();
        }

        @Override
        public EngineDiscoveryListener getDiscoveryListener() {
            return original.getDiscoveryListener();
        }
    }
}
