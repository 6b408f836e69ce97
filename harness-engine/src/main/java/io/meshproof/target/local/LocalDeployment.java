package io.meshproof.target.local;

import io.meshproof.target.Chaos;
import io.meshproof.target.Deployment;
import io.meshproof.target.TargetException;

import java.util.Map;

/** A scenario's state on the local target: sidecars reloaded, extra instances running. */
final class LocalDeployment implements Deployment {

    private final LocalTarget target;
    private final long appliedMs;

    LocalDeployment(LocalTarget target, long appliedMs) {
        this.target = target;
        this.appliedMs = appliedMs;
    }

    /** The local control plane reloads synchronously: when apply returned, every sidecar ran the new configuration. */
    @Override
    public long awaitApplied() {
        return appliedMs;
    }

    @Override
    public Map<String, String> instances() {
        return target.instanceBehaviors();
    }

    @Override
    public Chaos chaos() {
        return new LocalChaos(target);
    }

    @Override
    public void close() throws TargetException {
        target.restore();
    }
}
