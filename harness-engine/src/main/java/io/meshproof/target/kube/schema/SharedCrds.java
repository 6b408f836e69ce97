package io.meshproof.target.kube.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the directory of real CRD schemas ({@code shared/crds}: {@code istio/}, {@code linkerd/},
 * {@code gateway-api/}) that sits beside the project: the system property {@code mesh.crds.dir}
 * when set, else the first {@code shared/crds} found walking up from the working directory.
 */
public final class SharedCrds {

    public static final String PROPERTY = "mesh.crds.dir";

    private SharedCrds() {
    }

    public static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
        }
        return locateFrom(Path.of("").toAbsolutePath());
    }

    static Optional<Path> locateFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("crds");
            if (Files.isDirectory(candidate.resolve("istio")) || Files.isDirectory(candidate.resolve("linkerd"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Why no directory was found, for a skipped test or an error message. */
    public static String notFoundReason() {
        String configured = System.getProperty(PROPERTY);
        return configured != null && !configured.isBlank()
                ? "CRD directory " + configured + " (from -D" + PROPERTY + ") does not exist"
                : "no shared/crds directory above " + Path.of("").toAbsolutePath() + "; set -D" + PROPERTY + "=<dir> to point at one";
    }
}
