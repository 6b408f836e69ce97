package io.meshproof.engine.discovery;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.descriptor.MeshproofEngineDescriptor;
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
