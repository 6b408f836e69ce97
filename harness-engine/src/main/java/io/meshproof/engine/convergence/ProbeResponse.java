package io.meshproof.engine.convergence;

import io.meshproof.load.ConnectionError;

/** What one probe request saw. */
public record ProbeResponse(int status, ConnectionError error, String version) {

    @Override
    public String toString() {
        if (error != ConnectionError.NONE) {
            return error.name().toLowerCase(java.util.Locale.ROOT);
        }
        return status + (version == null ? "" : " from " + version);
    }
}
