package io.meshproof.target.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.meshproof.load.LoadRunner;
import io.meshproof.report.TargetInfo;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Deployment;
import io.meshproof.target.Entry;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.Progress;
import io.meshproof.target.Rejection;
import io.meshproof.target.RenderedState;
import io.meshproof.target.TargetException;
import io.meshproof.target.kube.apply.AcknowledgementWaiter;
import io.meshproof.target.kube.apply.AppliedState;
import io.meshproof.target.kube.apply.ManifestApplier;
import io.meshproof.target.kube.apply.Namespaces;
import io.meshproof.target.kube.apply.Ownership;
import io.meshproof.target.kube.bookinfo.BookinfoDeployer;
import io.meshproof.target.kube.bookinfo.BookinfoManifests;
import io.meshproof.target.kube.cluster.KubeCluster;
import io.meshproof.target.kube.helm.HelmRunner;
import io.meshproof.target.kube.traffic.ClientPods;
import io.meshproof.target.kube.traffic.ClusterLoadRunner;
import io.meshproof.target.kube.traffic.InClusterProbe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Istio or Linkerd on Kubernetes (DESIGN.md section 3): one class, given a cluster, the mesh's
 * installer and its renderer. {@link #start}: cluster up, mesh installed (or found), bookinfo and the
 * client pods deployed, every pod ready with its proxy, bookinfo answering from inside the mesh.
 * {@link #apply}: the renderer's files applied in name order; {@link Deployment#close()} reverts them.
 * {@link #upgrade}: the mesh it installed, in place ({@link MeshUpgrade}).
 * {@link #close}: on a cluster it was given, deletes exactly what the run created.
 */
public final class KubernetesMeshTarget implements MeshTarget {

    private static final String FIELD_MANAGER = "meshproof-scenario";

    private final KubeCluster cluster;
    private final MeshInstaller installer;
    private final MeshRenderer renderer;
    private final KubeTargetOptions options;
    private final KubeNames names;

    private Ownership ownership;
    private Path helmDir;
    private HelmRunner helm;
    private boolean meshInstalledHere;
    private ClientPods clientPods;
    private Integer ingressNodePort;
    private boolean started;
    private Progress progress = Progress.SILENT;

    public KubernetesMeshTarget(KubeCluster cluster, MeshInstaller installer, MeshRenderer renderer, KubeTargetOptions options) {
        if (!installer.mesh().equals(renderer.mesh())) {
            throw new IllegalArgumentException("the installer is for " + installer.mesh() + " but the renderer for " + renderer.mesh());
        }
        this.cluster = cluster;
        this.installer = installer;
        this.renderer = renderer;
        this.options = options;
        this.names = installer.names();
    }

    @Override
    public String name() {
        return installer.mesh();
    }

    @Override
    public TargetInfo info() {
        return new TargetInfo(installer.mesh(), installer.version(), cluster.description());
    }

    @Override
    public FeatureSupport support(Scenario scenario) {
        return renderer.support(scenario);
    }

    @Override
    public Set<Rejection> rejectionForms() {
        return installer.rejectionForms();
    }

    @Override
    public RenderedState render(Scenario scenario) {
        return renderer.render(scenario, names);
    }

    /** Every rendered manifest against the real CRD schemas in {@code ../shared/crds} (unknown fields are errors). */
    @Override
    public synchronized java.util.Optional<String> validate(RenderedState rendered) throws TargetException {
        java.util.Optional<java.nio.file.Path> crds = io.meshproof.target.kube.schema.SharedCrds.locate();
        if (crds.isEmpty()) {
            return java.util.Optional.of("not validated: " + io.meshproof.target.kube.schema.SharedCrds.notFoundReason());
        }
        if (validator == null) {
            validator = new io.meshproof.target.kube.schema.ManifestValidator(io.meshproof.target.kube.schema.CrdSchemas.load(crds.get()));
        }
        var problems = validator.validate(rendered);
        if (!problems.isEmpty()) {
            throw new TargetException("the rendered manifests do not match the CRD schemas in " + crds.get() + ":\n  "
                    + String.join("\n  ", problems.stream().map(Object::toString).toList()));
        }
        return java.util.Optional.of(rendered.files().size() + " manifests valid against the CRD schemas in " + crds.get());
    }

    private io.meshproof.target.kube.schema.ManifestValidator validator;

    public KubeNames names() {
        return names;
    }

    @Override
    public synchronized void start(Progress progress) throws TargetException {
        if (started) {
            return;
        }
        long began = System.nanoTime();
        this.progress = progress;
        ownership = Ownership.newRun();
        progress.line(name() + " on " + cluster.description() + ", run " + ownership.runId());
        cluster.start(progress);
        KubernetesClient client = cluster.client();
        try {
            helmDir = Files.createTempDirectory("meshproof-helm-");
        } catch (IOException e) {
            throw new TargetException("cannot create a temporary directory for Helm: " + e.getMessage(), e);
        }
        helm = new HelmRunner(helmDir);
        if (options.install()) {
            try (Progress.Step ignored = progress.step("installing " + name() + " " + installer.version())) {
                meshInstalledHere = true;
                installer.install(cluster, helm, ownership, progress);
            }
        } else {
            installer.verifyInstalled(cluster, progress);
        }

        Namespaces namespaces = new Namespaces(client, ownership);
        Injection injection = installer.injection();
        namespaces.ensure(names.bookinfoNamespace(), injection.namespaceLabels(), injection.namespaceAnnotations());
        namespaces.ensure(names.clientNamespace(), Map.of(), Map.of());

        BookinfoDeployer deployer = new BookinfoDeployer(client, ownership);
        clientPods = new ClientPods(names.bookinfoNamespace(), names.clientNamespace(), options.clientImage(), injection);
        try (Progress.Step ignored = progress.step("deploying bookinfo (" + options.bookinfoHub() + ") and the client pods")) {
            deployer.apply(names.bookinfoNamespace(), BookinfoManifests.stock(options.bookinfoHub()));
            deployer.apply(names.bookinfoNamespace(), List.of(BookinfoManifests.ingress(cluster.ingressNodePort())));
            deployer.apply(names.bookinfoNamespace(), clientPods.testerManifests());
            deployer.apply(names.clientNamespace(), clientPods.outsiderManifests());
        }
        deployer.awaitMeshed(names.bookinfoNamespace(), injection.proxyContainer(), options.rolloutTimeout(), progress);
        io.meshproof.target.kube.apply.Rollouts.awaitAll(client, names.clientNamespace(), options.rolloutTimeout());
        verifyClients(client, injection.proxyContainer());
        try (Progress.Step ignored = progress.step("waiting until bookinfo answers inside the mesh")) {
            InClusterProbe.awaitOk(client, clientPods, ClientPods.TESTER, serviceUri("productpage") + "/api/v1/products/0/reviews",
                    options.rolloutTimeout());
        }
        ingressNodePort = deployer.ingressNodePort(names.bookinfoNamespace());
        progress.line(cluster.ingress(ingressNodePort)
                .map(uri -> "load from outside enters at " + uri + " (productpage, NodePort " + ingressNodePort + ")")
                .orElse("productpage is on NodePort " + ingressNodePort + ": set -Dmesh.ingress.url=http://<node address>:"
                        + ingressNodePort + " for scenarios whose traffic comes from the ingress"));
        progress.line(name() + " target ready in " + String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - began) / 1e9));
        started = true;
    }

    private void verifyClients(KubernetesClient client, String proxy) throws TargetException {
        for (String clientName : List.of(ClientPods.TESTER, ClientPods.OUTSIDER)) {
            var pod = client.pods().inNamespace(clientPods.namespaceOf(clientName)).withName(clientPods.podName(client, clientName)).get();
            boolean meshed = BookinfoDeployer.hasContainer(pod, proxy);
            if (meshed != clientName.equals(ClientPods.TESTER)) {
                throw new TargetException("the " + clientName + " pod is " + (meshed ? "" : "not ") + "meshed, but must "
                        + (meshed ? "not" : "") + " be: check the mesh's injection settings for namespace " + clientPods.namespaceOf(clientName));
            }
        }
    }

    /**
     * Upgrades the mesh to {@code version} in place: the control plane with Helm (the installer's
     * releases and values), then a rollout restart of every Deployment in bookinfo's namespace so
     * the proxies are re-injected at the new version. Refused for a mesh the harness did not install.
     */
    @Override
    public synchronized void upgrade(String version, Progress progress) throws TargetException {
        if (!options.install()) {
            throw new TargetException("the harness upgrades only a mesh it installed, and " + name() + " " + installer.version()
                    + " was already on " + cluster.description() + " (mesh.install=false). Upgrade it your own way, or run the "
                    + "upgrade gate on a cluster where the harness installs " + name() + " at mesh.upgrade.from (mesh.install=true).");
        }
        requireStarted();
        new MeshUpgrade(cluster, installer, helm, options.rolloutTimeout()).run(version, progress);
    }

    @Override
    public Deployment apply(Scenario scenario, Progress progress) throws TargetException {
        requireStarted();
        long began = System.nanoTime();
        KubernetesClient client = cluster.client();
        ManifestApplier applier = new ManifestApplier(client, ownership, FIELD_MANAGER, options.rolloutTimeout());
        AppliedState state;
        try (Progress.Step ignored = progress.step("applying " + scenario.id())) {
            state = applier.apply(render(scenario).files(), names.bookinfoNamespace(), scenario.id(), progress);
        }
        KubeChaos chaos = new KubeChaos(client, names.bookinfoNamespace(), names.meshNamespace(), installer.outageDeployments(),
                options.rolloutTimeout(), progress);
        return new KubeDeployment(began, state, applier, new AcknowledgementWaiter(client, installer.acknowledgements()),
                options.ackTimeout(), client, names.bookinfoNamespace(), chaos, progress);
    }

    @Override
    public Entry entry(Traffic traffic) throws TargetException {
        requireStarted();
        // who the user is (session cookie, end-user header) is the engine's business, the same on every target
        switch (traffic.from()) {
            case ingress: {
                URI uri = cluster.ingress(ingressNodePort).orElseThrow(() -> new TargetException(
                        "traffic from the ingress needs the address of productpage's NodePort " + ingressNodePort
                                + " as seen from here: set -Dmesh.ingress.url=http://<node address>:" + ingressNodePort));
                return new Entry(uri, Map.of(), "ingress", !isLoopback(uri));
            }
            case tester:
            case outsider:
                return new Entry(URI.create(serviceUri(traffic.destination())), Map.of(), traffic.from().name(), true);
            default:
                throw new TargetException("unknown traffic source " + traffic.from());
        }
    }

    /**
     * The load runner for traffic from {@code tester} or {@code outsider}: it runs inside those pods
     * (their entries are cluster addresses, which load from this machine cannot reach). Traffic from
     * the ingress runs with the harness's ordinary load runner against {@link #entry}'s address.
     */
    public LoadRunner inClusterLoadRunner() throws TargetException {
        requireStarted();
        return new ClusterLoadRunner(cluster.client(), clientPods);
    }

    @Override
    public java.util.Optional<LoadRunner> loadRunner(Traffic traffic) throws TargetException {
        return traffic.from() == Traffic.Source.ingress ? java.util.Optional.empty() : java.util.Optional.of(inClusterLoadRunner());
    }

    private String serviceUri(String service) {
        return "http://" + service + "." + names.bookinfoNamespace() + ".svc.cluster.local:" + io.meshproof.bookinfo.BookinfoCatalog.SERVICE_PORT;
    }

    static boolean isLoopback(URI uri) {
        try {
            return uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void requireStarted() throws TargetException {
        if (!started) {
            throw new TargetException("the " + name() + " target is not started");
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (ownership != null && !cluster.disposable()) {
                cleanUp();
            }
        } finally {
            cluster.close();
            deleteHelmDir();
            started = false;
        }
    }

    /** On a cluster the harness was given: delete the namespaces it created, then the mesh if it installed it. */
    private void cleanUp() {
        try (Progress.Step ignored = progress.step("deleting what run " + ownership.runId() + " created")) {
            new Namespaces(cluster.client(), ownership).deleteOwn(options.rolloutTimeout());
        } catch (TargetException | RuntimeException e) {
            progress.line("clean-up: " + e.getMessage());
        }
        if (meshInstalledHere) {
            try {
                installer.uninstall(cluster, helm, ownership, progress);
            } catch (TargetException | RuntimeException e) {
                progress.line("clean-up: " + e.getMessage());
            }
        }
    }

    private void deleteHelmDir() {
        if (helmDir == null) {
            return;
        }
        try (var files = Files.walk(helmDir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temporary directory; the OS removes it eventually
        }
        helmDir = null;
    }
}
