package io.meshproof.engine.descriptor;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.execution.MeshproofContext;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the tree: engine > target > scenario > check. */
public final class MeshproofEngineDescriptor extends EngineDescriptor implements Node<MeshproofContext> {

    private final MeshConfiguration config;

    public MeshproofEngineDescriptor(UniqueId uniqueId, MeshConfiguration config) {
        super(uniqueId, "meshproof");
        this.config = config;
    }

    public MeshConfiguration config() {
        return config;
    }

    /** How many checks share the suite's false-failure budget (the expectations of every selected scenario). */
    public int checkCount() {
        int[] count = {0};
        accept(d -> {
            if (d instanceof CheckDescriptor) {
                count[0]++;
            }
        });
        return count[0];
    }

    public static boolean hasScenarios(TestDescriptor engine) {
        return engine.getDescendants().stream().anyMatch(d -> d instanceof ScenarioDescriptor || d instanceof InvalidScenarioDescriptor);
    }
}
