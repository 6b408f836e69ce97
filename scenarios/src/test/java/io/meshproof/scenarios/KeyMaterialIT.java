package io.meshproof.scenarios;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * The sidecars' private keys exist owner-only while the local target runs, and after a real run
 * none is on disk, and none (not its PEM marker, not its base64) is in the reports or the logs.
 */
class KeyMaterialIT {

    private static final String SCENARIO = "mtls-strict-serves-mesh";

    @TempDir
    Path reportDir;

    @Test
    void keysAreOwnerOnlyDuringTheRunAndGoneFromDiskReportsAndLogsAfterIt() throws IOException {
        KeySnapshot snapshot = new KeySnapshot();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request()
                .selectors(selectDirectory("catalog"))
                .filters(includeEngines("meshproof"))
                .configurationParameter("mesh.scenarios", SCENARIO)
                .configurationParameter("mesh.report.dir", reportDir.toString())
                .build(), snapshot, summary);

        assertThat(summary.getSummary().getTotalFailureCount()).as("the run itself").isZero();
        assertThat(snapshot.keyDirectories).as("key directories seen while the scenario ran").hasSize(1);
        Path keys = snapshot.keyDirectories.get(0);
        assertThat(snapshot.directoryMode).isEqualTo("rwx------");
        assertThat(snapshot.keyFileModes).as("one key per sidecar (6 bookinfo, ingress, tester)").hasSize(8)
                .allMatch("rw-------"::equals);
        assertThat(snapshot.keyLines).as("base64 lines of the keys, to look for later").hasSizeGreaterThanOrEqualTo(8);

        assertThat(keys).as("the key directory after the run").doesNotExist();
        assertThat(keys.getParent()).as("the run directory after the run").doesNotExist();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(reportDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("report and logs written").anyMatch(p -> p.getFileName().toString().equals("conformance-report.json"))
                .anyMatch(p -> p.getFileName().toString().endsWith(".haproxy.log"));
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(file + " must not hold a private key").doesNotContain("PRIVATE KEY");
            snapshot.keyLines.forEach(line -> assertThat(text).as(file + " must not hold key material").doesNotContain(line));
        }
    }

    /** While the first check runs (the target is up), finds this JVM's run directory and reads its key files. */
    private static final class KeySnapshot implements TestExecutionListener {
        final List<Path> keyDirectories = new ArrayList<>();
        final List<String> keyFileModes = new ArrayList<>();
        final List<String> keyLines = new ArrayList<>();
        String directoryMode;
        private boolean taken;

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (taken || !test.getUniqueIdObject().getSegments().stream().anyMatch(s -> s.getType().equals("check"))) {
                return;
            }
            taken = true;
            try {
                for (Path run : runDirectoriesOfThisJvm()) {
                    try (Stream<Path> dirs = Files.list(run)) {
                        for (Path keys : dirs.filter(d -> d.getFileName().toString().startsWith("meshproof-keys-")).toList()) {
                            keyDirectories.add(keys);
                            directoryMode = mode(keys);
                            readKeys(keys);
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("could not read the run directory: " + e.getMessage(), e);
            }
        }

        private void readKeys(Path keys) throws IOException {
            try (Stream<Path> files = Files.list(keys)) {
                for (Path file : files.toList()) {
                    String pem = Files.readString(file);
                    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                        continue;
                    }
                    keyFileModes.add(mode(file));
                    String key = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----"), pem.indexOf("-----END PRIVATE KEY-----"));
                    key.lines().skip(1).filter(l -> l.length() >= 24).forEach(keyLines::add);
                }
            }
        }

        private static List<Path> runDirectoriesOfThisJvm() throws IOException {
            String pid = String.valueOf(ProcessHandle.current().pid());
            try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                return dirs.filter(d -> d.getFileName().toString().startsWith("meshproof-local-")).filter(d -> {
                    try {
                        return Files.readString(d.resolve("owner.pid")).strip().equals(pid);
                    } catch (IOException e) {
                        return false;
                    }
                }).toList();
            }
        }

        private static String mode(Path p) throws IOException {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        }
    }
}
