package io.meshproof.engine;

import io.meshproof.engine.console.ConsoleProgress;
import io.meshproof.engine.descriptor.MeshproofEngineDescriptor;
import io.meshproof.engine.discovery.ScenarioDiscovery;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.RunState;
import io.meshproof.load.gatling.GatlingLoadRunner;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

import java.util.Optional;

/**
 * The meshproof JUnit Platform engine (id {@code meshproof}): scenario files become the tree
 * engine > target > scenario > check; executing it brings the target up, runs each scenario and
 * writes the conformance report.
 */
public final class MeshproofTestEngine extends HierarchicalTestEngine<MeshproofContext> {

    public static final String ID = "meshproof";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.meshproof");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("meshproof-harness-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        MeshConfiguration config = MeshConfiguration.from(request.getConfigurationParameters());
        MeshproofEngineDescriptor engine = new MeshproofEngineDescriptor(uniqueId, config);
        new ScenarioDiscovery(config).discover(request, engine);
        return engine;
    }

    @Override
    protected MeshproofContext createExecutionContext(ExecutionRequest request) {
        MeshproofEngineDescriptor engine = (MeshproofEngineDescriptor) request.getRootTestDescriptor();
        RunState run = new RunState(engine.config(), engine.checkCount(), new ConsoleProgress(System.out), new GatlingLoadRunner());
        return new MeshproofContext(run, null, null);
    }
}
