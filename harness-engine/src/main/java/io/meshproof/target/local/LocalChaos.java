package io.meshproof.target.local;

import io.meshproof.target.Chaos;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.List;

/**
 * Chaos on the local target, done the way a cluster would see it: a killed instance (process and
 * sidecar) is noticed by the control plane, dropped from every sidecar's endpoints and replaced, as
 * a ReplicaSet replaces a pod; a restart rolls one instance at a time; a control-plane outage stops
 * configuration pushes for a while and ends with a full push (every sidecar reloaded under load).
 */
final class LocalChaos implements Chaos {

    private final LocalTarget target;

    LocalChaos(LocalTarget target) {
        this.target = target;
    }

    @Override
    public List<String> kill(String service, String version, int count) throws TargetException {
        return target.kill(service, version, count);
    }

    @Override
    public List<String> restart(String service, String version, int count) throws TargetException {
        return target.restart(service, version, count);
    }

    @Override
    public void controlPlaneOutage(Duration duration) throws TargetException {
        target.controlPlaneOutage(duration);
    }
}
