package io.meshproof.target.kube.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.UpgradeCommand;
import io.meshproof.target.TargetException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Runs Helm in-process through helm-java (the Helm Go library behind JNI, no helm binary needed).
 * Repositories are registered in a repository file of its own under {@code workDir}, never in the
 * user's Helm configuration; values go through a values file per release.
 */
public final class HelmRunner implements HelmOperations {

    private final Path workDir;
    private final Path repositoryConfig;
    private final Set<String> addedRepos = new HashSet<>();

    public HelmRunner(Path workDir) {
        this.workDir = workDir;
        this.repositoryConfig = workDir.resolve("repositories.yaml");
    }

    @Override
    public void install(HelmRelease release, String kubeconfigYaml, Duration timeout) throws TargetException {
        Path values = null;
        try {
            addRepository(release.chart());
            values = valuesFile(release);
            Helm.install(release.chart().reference())
                    .withRepositoryConfig(repositoryConfig)
                    .withVersion(release.chart().version())
                    .withName(release.name())
                    .withNamespace(release.namespace())
                    .createNamespace()
                    .withValuesFile(values)
                    .withKubeConfigContents(kubeconfigYaml)
                    .waitReady()
                    .withTimeout((int) timeout.toSeconds())
                    .call();
        } catch (RuntimeException e) {
            throw failure("install", release, e);
        } finally {
            deleteQuietly(values); // values may hold a private key (Linkerd's issuer)
        }
    }

    @Override
    public void upgrade(HelmRelease release, String kubeconfigYaml, Duration timeout, boolean atomic) throws TargetException {
        Path values = null;
        try {
            addRepository(release.chart());
            values = valuesFile(release);
            UpgradeCommand upgrade = Helm.upgrade(release.chart().reference())
                    .withRepositoryConfig(repositoryConfig)
                    .withVersion(release.chart().version())
                    .withName(release.name())
                    .withNamespace(release.namespace())
                    // the values file is the whole configuration: the new chart's defaults plus ours, not the old release's
                    .resetValues()
                    .withValuesFile(values)
                    .withKubeConfigContents(kubeconfigYaml)
                    .waitReady()
                    .withTimeout((int) timeout.toSeconds());
            if (atomic) {
                upgrade.atomic(); // on failure Helm rolls the release back to its previous revision
            }
            upgrade.call();
        } catch (RuntimeException e) {
            throw failure(atomic ? "upgrade --atomic" : "upgrade", release, e);
        } finally {
            deleteQuietly(values);
        }
    }

    private static TargetException failure(String command, HelmRelease release, RuntimeException e) {
        return new TargetException("helm " + command + " " + release + " failed: " + e.getMessage()
                + ". Helm needs to reach " + release.chart().repoUrl() + " and the cluster's API server, and the chart version must exist "
                + "('helm search repo " + release.chart().reference() + " --versions').", e);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the work directory is deleted with the run
            }
        }
    }

    @Override
    public void uninstall(HelmRelease release, String kubeconfigYaml) throws TargetException {
        try {
            Helm.uninstall(release.name()).withNamespace(release.namespace()).withKubeConfigContents(kubeconfigYaml)
                    .ignoreNotFound().call();
        } catch (RuntimeException e) {
            throw new TargetException("helm uninstall " + release + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Renders a chart on disk with the release's values, touching no cluster ({@code helm template}):
     * for dry runs and to check values against a chart.
     */
    public String template(Path chartDirectory, HelmRelease release) throws TargetException {
        Path values = null;
        try {
            values = valuesFile(release);
            return new Helm(chartDirectory).template()
                    .withName(release.name())
                    .withNamespace(release.namespace())
                    .withValuesFile(values)
                    .call();
        } catch (RuntimeException e) {
            throw new TargetException("helm template " + chartDirectory + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(values);
        }
    }

    private void addRepository(HelmChart chart) {
        if (!addedRepos.contains(chart.repoName())) {
            Helm.repo().add().withRepositoryConfig(repositoryConfig).withName(chart.repoName()).withUrl(chart.repoUrl()).call();
            addedRepos.add(chart.repoName()); // only once Helm has it, so a failed add is tried again
        }
    }

    Path valuesFile(HelmRelease release) {
        try {
            Files.createDirectories(workDir);
            Path file = workDir.resolve(release.name() + "-values.yaml");
            Files.writeString(file, release.valuesYaml());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the values of " + release.name() + " under " + workDir, e);
        }
    }
}
