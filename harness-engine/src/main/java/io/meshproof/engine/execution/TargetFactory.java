package io.meshproof.engine.execution;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.TargetException;
import io.meshproof.target.local.LocalTarget;

/** Creates the target named by {@code mesh.target}. */
public final class TargetFactory {

    private TargetFactory() {
    }

    public static MeshTarget create(MeshConfiguration config) throws TargetException {
        return switch (config.target()) {
            case "local" -> LocalTarget.configure(config.all());
            default -> throw new TargetException("unknown mesh.target '" + config.target() + "': use local, istio or linkerd");
        };
    }
}
