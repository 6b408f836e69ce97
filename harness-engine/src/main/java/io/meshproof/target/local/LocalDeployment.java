package io.meshproof.target.local;

import io.meshproof.target.Chaos;
import io.meshproof.target.Deployment;
import io.meshproof.target.TargetException;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A scenario's state on the local target: sidecars reloaded, extra instances running. */
final class LocalDeployment implements Deployment {

    private final LocalTarget target;
    private final List<LocalInstance> extras;
    private final long appliedMs;

    LocalDeployment(LocalTarget target, List<LocalInstance> extras, long appliedMs) {
        this.target = target;
        this.extras = List.copyOf(extras);
        this.appliedMs = appliedMs;
    }

    /** The local control plane reloads synchronously: when apply returned, every sidecar ran the new configuration. */
    @Override
    public long awaitApplied() {
        return appliedMs;
    }

    @Override
    public Map<String, String> instances() {
        Map<String, String> byName = new TreeMap<>();
        target.instances().forEach(i -> byName.put(i.name(), i.behavior().name()));
        return byName;
    }

    @Override
    public Chaos chaos() {
        return new LocalChaos(target);
    }

    @Override
    public void close() throws TargetException {
        target.restore(extras);
    }
}
