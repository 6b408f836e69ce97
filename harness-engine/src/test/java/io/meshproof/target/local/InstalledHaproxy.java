package io.meshproof.target.local;

import io.meshproof.target.TargetException;

/**
 * The HAProxy that the local target's tests drive. It is a prerequisite of the test command
 * ({@code .ci/run} installs it): without it these tests fail with the message that names the
 * package and its install command, rather than end as skipped where nobody looks.
 */
final class InstalledHaproxy {

    private InstalledHaproxy() {
    }

    static HaproxyInstallation require() {
        try {
            return HaproxyInstallation.find(null);
        } catch (TargetException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
