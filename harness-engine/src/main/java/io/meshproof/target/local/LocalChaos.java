package io.meshproof.target.local;

import io.meshproof.target.Chaos;
import io.meshproof.target.TargetException;

import java.time.Duration;
import java.util.List;

/** Chaos on the local target; not rendered yet, so scenarios with chaos are reported unsupported. */
final class LocalChaos implements Chaos {

    private final LocalTarget target;

    LocalChaos(LocalTarget target) {
        this.target = target;
    }

    @Override
    public List<String> kill(String service, String version, int count) throws TargetException {
        throw new TargetException("chaos actions are not implemented on the local target yet");
    }

    @Override
    public List<String> restart(String service, String version, int count) throws TargetException {
        throw new TargetException("chaos actions are not implemented on the local target yet");
    }

    @Override
    public void controlPlaneOutage(Duration duration) throws TargetException {
        throw new TargetException("chaos actions are not implemented on the local target yet");
    }
}
