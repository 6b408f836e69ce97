package io.meshproof.engine;

import org.junit.platform.engine.ConfigurationParameters;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's configuration (DESIGN.md section 2), read from JUnit configuration parameters, which
 * Maven passes through from {@code -Dmesh.*} on the command line.
 */
public record MeshConfiguration(
        String target,
        List<String> scenarioPatterns,
        Optional<Path> scenariosDir,
        Path reportDir,
        boolean dryRun,
        String profile,
        Optional<String> localMutant,
        Map<String, String> all) {

    public static final String PREFIX = "mesh.";
    public static final String TARGET = "mesh.target";
    public static final String SCENARIOS = "mesh.scenarios";
    public static final String SCENARIOS_DIR = "mesh.scenarios.dir";
    public static final String REPORT_DIR = "mesh.report.dir";
    public static final String DRY_RUN = "mesh.dryRun";
    public static final String PROFILE = "mesh.profile";
    public static final String LOCAL_MUTANT = "mesh.local.mutant";

    /** Every parameter the harness reads, so the report can show the run's configuration. */
    static final List<String> KNOWN = List.of(TARGET, SCENARIOS, SCENARIOS_DIR, REPORT_DIR, DRY_RUN, PROFILE, LOCAL_MUTANT,
            "mesh.cluster", "mesh.kubeconfig", "mesh.kube.context", "mesh.k3s.image", "mesh.istio.version",
            "mesh.linkerd.version", "mesh.install", "mesh.upgrade.from", "mesh.upgrade.to", "mesh.upgrade.load",
            "mesh.convergence.timeout", "mesh.local.haproxy", "mesh.local.version");

    public static MeshConfiguration from(ConfigurationParameters params) {
        // every mesh.* parameter, whether given to the launcher or as a -D system property
        java.util.Set<String> keys = new java.util.TreeSet<>(KNOWN);
        params.keySet().stream().filter(k -> k.startsWith(PREFIX)).forEach(keys::add);
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX)).forEach(keys::add);
        Map<String, String> all = new LinkedHashMap<>();
        for (String key : keys) {
            params.get(key).filter(v -> !v.isBlank()).ifPresent(v -> all.put(key, v));
        }
        return new MeshConfiguration(
                all.getOrDefault(TARGET, "local"),
                Optional.ofNullable(all.get(SCENARIOS)).map(s -> Arrays.stream(s.split(","))
                        .map(String::strip).filter(p -> !p.isEmpty()).toList()).orElse(List.of()),
                Optional.ofNullable(all.get(SCENARIOS_DIR)).map(Path::of),
                Path.of(all.getOrDefault(REPORT_DIR, "target/mesh-conformance")),
                Boolean.parseBoolean(all.getOrDefault(DRY_RUN, "false")),
                all.getOrDefault(PROFILE, "default"),
                Optional.ofNullable(all.get(LOCAL_MUTANT)),
                all);
    }

    /** {@code mesh.upgrade.from} and {@code mesh.upgrade.to}, when both are given: the run is an upgrade gate. */
    public Optional<Upgrade> upgrade() {
        Optional<String> from = get("mesh.upgrade.from");
        Optional<String> to = get("mesh.upgrade.to");
        return from.isPresent() && to.isPresent() ? Optional.of(new Upgrade(from.get(), to.get())) : Optional.empty();
    }

    /** An upgrade gate: the suite on {@code from}, the upgrade under load, the suite on {@code to}, the diff. */
    public record Upgrade(String from, String to) {}

    /** Where an upgrade gate's reports go: {@code <report dir>/upgrade}. */
    public Path upgradeReportDir() {
        return reportDir.resolve("upgrade");
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(all.get(key));
    }

    /** The directory this target's reports go to: {@code <report dir>/<target>}. */
    public Path targetReportDir() {
        return reportDir.resolve(target);
    }
}
