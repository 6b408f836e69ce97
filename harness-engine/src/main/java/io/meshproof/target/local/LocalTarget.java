package io.meshproof.target.local;

import io.meshproof.bookinfo.Behavior;
import io.meshproof.bookinfo.BookinfoCatalog;
import io.meshproof.bookinfo.InstanceSpec;
import io.meshproof.bookinfo.PodNames;
import io.meshproof.bookinfo.process.BookinfoProcess;
import io.meshproof.bookinfo.process.LoopbackPorts;
import io.meshproof.report.TargetInfo;
import io.meshproof.scenario.MeshState;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.Setup;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Deployment;
import io.meshproof.target.Entry;
import io.meshproof.target.FeatureSupport;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.Progress;
import io.meshproof.target.Rejection;
import io.meshproof.target.RenderedState;
import io.meshproof.target.TargetException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local target (DESIGN.md section 3): each bookinfo instance runs as a local process with an
 * HAProxy sidecar; an ingress and a tester are sidecars without an app; Service addresses balance
 * plain TCP for clients outside the mesh. The harness plays control plane: it renders every
 * sidecar's configuration from the mesh state and reloads them, and certificate authority: every
 * sidecar gets its workload's SPIFFE identity ({@link WorkloadCertificates}).
 */
public final class LocalTarget implements MeshTarget {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    /** A fresh instance is warmed before it joins any endpoints: the first requests of a new JVM stall (see BookinfoProcess.warmUp). */
    private static final int WARM_UP_REQUESTS = 20;
    private static final Duration WARM_UP_BUDGET = Duration.ofSeconds(3);
    private static final String INGRESS = "ingress";
    private static final String TESTER = "tester";

    private volatile Set<Mutant> mutants;
    private volatile String haproxyPath;
    private final Path logDir;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "meshproof-local");
        t.setDaemon(true);
        return t;
    });

    private volatile HaproxyInstallation haproxy;
    private RunDirectory runDir;
    private WorkloadCertificates certificates;
    private final List<LocalInstance> instances = new CopyOnWriteArrayList<>();
    private final Map<String, HaproxyProcess> clients = new LinkedHashMap<>();
    private final Map<String, SidecarSpec> clientSpecs = new LinkedHashMap<>();
    private HaproxyProcess services;
    private Map<String, Integer> servicePorts = Map.of();
    private MeshState mesh = MeshState.EMPTY;
    /** Instances a scenario added (setup.instances), and their replacements: removed when the scenario ends. */
    private final Set<LocalInstance> extras = ConcurrentHashMap.newKeySet();
    /** Instances lost during the scenario, reported as unavailable so the oracles can attribute their errors. */
    private final Map<String, String> lost = new ConcurrentHashMap<>();
    /** The control plane: notices lost instances, drops them from every sidecar and replaces them. */
    private final ScheduledExecutorService controlPlane = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "meshproof-local-control-plane");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean controlPlaneDown;
    private volatile String controlPlaneError;
    private Thread shutdownHook;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalTarget(Set<Mutant> mutants, String haproxyPath, Path logDir) {
        this.mutants = mutants;
        this.haproxyPath = haproxyPath;
        this.logDir = logDir;
    }

    /** The local target as the run's configuration asks for it ({@code mesh.local.mutant}, {@code mesh.local.haproxy}). */
    public static LocalTarget configure(Map<String, String> config) throws TargetException {
        Set<Mutant> mutants = EnumSet.noneOf(Mutant.class);
        String mutant = config.get("mesh.local.mutant");
        if (mutant != null) {
            try {
                for (String m : mutant.split(",")) {
                    mutants.add(Mutant.parse(m.strip()));
                }
            } catch (IllegalArgumentException e) {
                throw new TargetException(e.getMessage());
            }
        }
        String binary = config.get("mesh.local.haproxy");
        if (config.containsKey("mesh.local.version")) {
            LocalVersion version = LocalVersion.parse(config.get("mesh.local.version"));
            binary = version.binary();
            mutants = EnumSet.noneOf(Mutant.class);
            mutants.addAll(version.mutants());
        }
        Path reportDir = Path.of(config.getOrDefault("mesh.report.dir", "target/mesh-conformance"));
        return new LocalTarget(mutants, binary, reportDir.resolve("local").resolve("logs"));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public TargetInfo info() {
        String version = haproxy == null ? "HAProxy (not started)" : haproxy.label();
        if (!mutants.isEmpty()) {
            version += " with mutant " + String.join(",", mutants.stream().map(Mutant::id).toList());
        }
        return new TargetInfo("local", version, null);
    }

    @Override
    public FeatureSupport support(Scenario scenario) {
        return LocalSupport.of(scenario);
    }

    /**
     * Authorization answers 403 ({@link AuthorizationRules}); under STRICT mTLS a plaintext caller's
     * connection is closed without an answer, which clients see as a reset ({@link InboundTls}).
     * Nothing is refused at connect: every listener accepts and then decides.
     */
    @Override
    public Set<Rejection> rejectionForms() {
        return EnumSet.of(Rejection.FORBIDDEN, Rejection.RESET);
    }

    @Override
    public RenderedState render(Scenario scenario) {
        Topology topology = instances.isEmpty() ? Topology.nominal(scenario.setup()) : live();
        List<RenderedState.RenderedFile> files = new ArrayList<>();
        Path runtime = runDir == null ? Path.of("/run/meshproof") : runDir.path();
        CertificateFiles certificateFiles = certificates == null ? new CertificateFiles(runtime.resolve("keys")) : certificates.files();
        for (SidecarSpec spec : topology.sidecars()) {
            files.add(new RenderedState.RenderedFile("sidecar-" + spec.instance() + ".cfg",
                    new SidecarConfig(spec, topology.endpoints(), scenario.mesh(), mutants, runtime, certificateFiles).render()));
        }
        files.add(new RenderedState.RenderedFile("services.cfg", ServiceAddressesConfig.render(topology.servicePorts(), topology.endpoints(), runtime)));
        files.add(new RenderedState.RenderedFile(DelayScript.FILE, DelayScript.SOURCE));
        return new RenderedState(files);
    }

    @Override
    public synchronized void start(Progress progress) throws TargetException {
        if (haproxy != null) {
            return;
        }
        haproxy = HaproxyInstallation.find(haproxyPath);
        progress.line("data plane: " + haproxy.label() + " at " + haproxy.binary()
                + (mutants.isEmpty() ? "" : ", MUTANT " + mutants.stream().map(Mutant::id).toList()));
        try {
            runDir = RunDirectory.create();
            DelayScript.writeInto(runDir.path());
            cleanLogs();
        } catch (IOException e) {
            throw new TargetException("cannot create the local target's working directory: " + e.getMessage(), e);
        }
        shutdownHook = new Thread(this::close, "meshproof-local-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            certificates = WorkloadCertificates.create(runDir.path());
        } catch (RuntimeException e) {
            throw new TargetException("cannot create the local mesh's certificate authority and key directory: " + e.getMessage(), e);
        }
        progress.line("identities: " + WorkloadCertificates.CA_NAME + " (EC P-256) issues each sidecar a SPIFFE certificate, keys in "
                + certificates.directory() + " (owner-only, deleted at the end)");

        List<Callable<LocalInstance>> starts = new ArrayList<>();
        new TreeMap<>(BookinfoCatalog.VERSIONS).forEach((service, versions) ->
                versions.forEach(version -> starts.add(() -> startInstance(service, version, Behavior.healthy))));
        try (Progress.Step step = progress.step("starting " + starts.size() + " bookinfo instances with their sidecars")) {
            instances.addAll(all(starts));
        }
        clientSpecs.put(INGRESS, new SidecarSpec(INGRESS, INGRESS, null, null, Map.of("productpage", LoopbackPorts.free())));
        Map<String, Integer> testerPorts = new TreeMap<>();
        BookinfoCatalog.VERSIONS.keySet().forEach(s -> testerPorts.put(s, LoopbackPorts.free()));
        clientSpecs.put(TESTER, new SidecarSpec(TESTER, TESTER, null, null, testerPorts));
        Map<String, Integer> vips = new TreeMap<>();
        BookinfoCatalog.VERSIONS.keySet().forEach(s -> vips.put(s, LoopbackPorts.free()));
        servicePorts = vips;
        for (SidecarSpec spec : clientSpecs.values()) {
            certificates.issue(spec.instance(), spec.workload());
            HaproxyProcess client = new HaproxyProcess(spec.instance(), haproxy, runDir.path(), logDir);
            client.start(sidecarConfig(spec));
            track(client.pid());
            clients.put(spec.workload(), client);
        }
        services = new HaproxyProcess("services", haproxy, runDir.path(), logDir);
        services.start(ServiceAddressesConfig.render(servicePorts, endpoints(), runDir.path()));
        track(services.pid());
        // sidecars started before all endpoints were known: give them the whole picture
        reconfigure(mesh);
        progress.line("ingress at " + entryUri(clientSpecs.get(INGRESS), "productpage") + ", logs in " + logDir.toAbsolutePath());
        controlPlane.scheduleWithFixedDelay(this::reconcile, 100, 100, TimeUnit.MILLISECONDS);
    }

    private LocalInstance startInstance(String service, String version, Behavior behavior) throws TargetException {
        String name = PodNames.generate(service, version);
        Map<String, Integer> outbound = new TreeMap<>();
        Map<String, URI> upstreams = new TreeMap<>();
        for (String upstream : InstanceSpec.upstreamsNeeded(service, version)) {
            int port = LoopbackPorts.free();
            outbound.put(upstream, port);
            upstreams.put(upstream, URI.create("http://127.0.0.1:" + port));
        }
        InstanceSpec spec = new InstanceSpec(service, version, name, behavior, InstanceSpec.LOOPBACK, 0, null, upstreams, null);
        BookinfoProcess app;
        try {
            app = BookinfoProcess.start(spec, logDir.resolve(name + ".log"));
            track(app.pid());
            app.awaitReady(READY_TIMEOUT);
            app.warmUp(WARM_UP_REQUESTS, WARM_UP_BUDGET);
        } catch (IOException e) {
            throw new TargetException("bookinfo " + name + " did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while starting " + name, e);
        }
        SidecarSpec sidecarSpec = new SidecarSpec(service, name, app.port(), LoopbackPorts.free(), outbound);
        HaproxyProcess sidecar = new HaproxyProcess(name, haproxy, runDir.path(), logDir);
        LocalInstance instance = new LocalInstance(service, version, behavior, sidecarSpec, app, sidecar);
        certificates.issue(name, service);
        sidecar.start(sidecarConfig(sidecarSpec));
        track(sidecar.pid());
        return instance;
    }

    @Override
    public Deployment apply(Scenario scenario, Progress progress) throws TargetException {
        long started = System.nanoTime();
        List<Callable<LocalInstance>> starts = new ArrayList<>();
        for (Setup.ExtraInstances extra : scenario.setup().instances()) {
            for (int i = 0; i < extra.countOr1(); i++) {
                starts.add(() -> startInstance(extra.service(), extra.version(), extra.behaviorOrHealthy()));
            }
        }
        if (!starts.isEmpty()) {
            List<LocalInstance> added;
            try (Progress.Step step = progress.step("starting " + starts.size() + " extra instances")) {
                added = all(starts);
            }
            extras.addAll(added); // removed again when the scenario ends (restore)
            instances.addAll(added);
        }
        long reloadMs = reconfigure(scenario.mesh());
        progress.line("sidecars reloaded in " + reloadMs + " ms");
        long appliedMs = (System.nanoTime() - started) / 1_000_000;
        return new LocalDeployment(this, appliedMs);
    }

    /** Restores the stock state: no mesh configuration, no extra instances, nothing remembered as lost. */
    synchronized void restore() throws TargetException {
        List<LocalInstance> leaving = List.copyOf(extras);
        instances.removeAll(leaving);
        extras.clear();
        lost.clear();
        // a stock instance lost and not (yet) replaced comes back, so the next scenario starts from stock bookinfo
        for (LocalInstance gone : instances.stream().filter(i -> !i.isAlive()).toList()) {
            instances.remove(gone);
            instances.add(startInstance(gone.service(), gone.version(), gone.behavior()));
            leaving = new ArrayList<>(leaving);
            leaving.add(gone);
        }
        reconfigure(MeshState.EMPTY);
        for (LocalInstance extra : leaving) {
            try {
                extra.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            certificates.withdraw(extra.name());
        }
        if (controlPlaneError != null) {
            String error = controlPlaneError;
            controlPlaneError = null;
            throw new TargetException("the local control plane failed during the scenario: " + error);
        }
    }

    /**
     * Notes a process this target started, so that nothing outlives the run: when the target is
     * already closing (Ctrl-C during start), the process is stopped at once.
     */
    private void track(long pid) throws TargetException {
        runDir.noteProcess(pid);
        if (closed) {
            ProcessHandle.of(pid).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
            throw new TargetException("the local target was stopped while starting");
        }
    }

    /** Every instance of the scenario by name with its behavior; lost instances count as unavailable. */
    Map<String, String> instanceBehaviors() {
        Map<String, String> byName = new TreeMap<>();
        instances.forEach(i -> byName.put(i.name(), i.behavior().name()));
        byName.putAll(lost); // a lost instance may still be listed (not yet noticed): it answers nothing now
        return byName;
    }

    /** Instance loss: the app and its sidecar die at once; the control plane notices and replaces them. */
    List<String> kill(String service, String version, int count) throws TargetException {
        List<LocalInstance> victims = pick(service, version, count);
        List<String> names = new ArrayList<>();
        for (LocalInstance victim : victims) {
            lost.put(victim.name(), Behavior.unavailable.name());
            try {
                victim.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted while killing " + victim.name(), e);
            }
            names.add(victim.name());
        }
        return names;
    }

    /** A rolling restart: a new instance joins the endpoints before the old one leaves and drains. */
    List<String> restart(String service, String version, int count) throws TargetException {
        List<String> names = new ArrayList<>();
        for (LocalInstance old : pick(service, version, count)) {
            names.add(roll(old));
        }
        return names;
    }

    /**
     * Upgrades the data plane to another HAProxy binary or configuration (see {@link LocalVersion}):
     * every instance is rolled onto a sidecar of the new version, one at a time, then the ingress,
     * the tester and the Service addresses are replaced, the old processes draining.
     */
    @Override
    public void upgrade(String version, Progress progress) throws TargetException {
        LocalVersion next = LocalVersion.parse(version);
        HaproxyInstallation installation = HaproxyInstallation.find(next.binary());
        String before = info().version();
        synchronized (this) {
            haproxy = installation;
            haproxyPath = next.binary();
            mutants = next.mutants().isEmpty() ? EnumSet.noneOf(Mutant.class) : EnumSet.copyOf(next.mutants());
        }
        progress.line("upgrading the data plane from " + before + " to " + info().version());
        for (LocalInstance old : instances.stream().filter(LocalInstance::isAlive)
                .sorted(java.util.Comparator.comparing(LocalInstance::name)).toList()) {
            progress.line("rolled " + roll(old));
        }
        for (SidecarSpec spec : clientSpecs.values()) {
            replaceClient(spec);
            progress.line(spec.workload() + " replaced");
        }
        HaproxyProcess oldServices = services;
        HaproxyProcess newServices = new HaproxyProcess("services-" + UPGRADES.incrementAndGet(), haproxy, runDir.path(), logDir);
        newServices.start(ServiceAddressesConfig.render(servicePorts, endpoints(), runDir.path()));
        track(newServices.pid());
        services = newServices;
        oldServices.drain();
        synchronized (this) {
            reconfigure(mesh);
        }
        progress.line("upgrade done: " + info().version());
    }

    private static final java.util.concurrent.atomic.AtomicInteger UPGRADES = new java.util.concurrent.atomic.AtomicInteger();

    /** A client sidecar (ingress, tester) replaced in place: the new process binds the same ports (SO_REUSEPORT), the old drains. */
    private void replaceClient(SidecarSpec spec) throws TargetException {
        HaproxyProcess old = clients.get(spec.workload());
        HaproxyProcess fresh = new HaproxyProcess(spec.instance() + "-" + UPGRADES.incrementAndGet(), haproxy, runDir.path(), logDir);
        fresh.start(sidecarConfig(spec));
        track(fresh.pid());
        clients.put(spec.workload(), fresh);
        old.drain();
    }

    /** One instance replaced by a new one of the same kind: the new joins the endpoints, then the old leaves and drains. */
    private String roll(LocalInstance old) throws TargetException {
        LocalInstance fresh = startInstance(old.service(), old.version(), old.behavior());
        synchronized (this) {
            instances.add(fresh);
            if (extras.remove(old)) {
                extras.add(fresh);
            }
            reconfigure(mesh);
            instances.remove(old);
            reconfigure(mesh);
        }
        try {
            old.drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while draining " + old.name(), e);
        }
        return old.name() + " -> " + fresh.name();
    }

    /**
     * The control plane is away for {@code duration}: no configuration is pushed (lost instances stay
     * in the sidecars' endpoints); then it comes back with a full push, every sidecar reloaded.
     */
    void controlPlaneOutage(Duration duration) throws TargetException {
        controlPlaneDown = true;
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted during a control-plane outage", e);
        } finally {
            controlPlaneDown = false;
        }
        synchronized (this) {
            reconfigure(mesh, true);
        }
    }

    private List<LocalInstance> pick(String service, String version, int count) throws TargetException {
        List<LocalInstance> alive = instances.stream()
                .filter(i -> i.isAlive() && i.service().equals(service) && i.version().equals(version))
                .sorted(java.util.Comparator.comparing(LocalInstance::name))
                .toList();
        if (alive.size() < count) {
            throw new TargetException("asked for " + count + " instances of " + service + " " + version + " but only "
                    + alive.size() + " are running");
        }
        return alive.subList(0, count);
    }

    /** The control plane's loop: drop lost instances from every sidecar, then replace them. */
    private void reconcile() {
        if (controlPlaneDown || closed || mutants.contains(Mutant.ENDPOINTS_FROZEN)) {
            return;
        }
        List<LocalInstance> dead = instances.stream().filter(i -> !i.isAlive()).toList();
        if (dead.isEmpty()) {
            return;
        }
        try {
            synchronized (this) {
                instances.removeAll(dead);
                reconfigure(mesh);
            }
            for (LocalInstance gone : dead) {
                LocalInstance replacement = startInstance(gone.service(), gone.version(), gone.behavior());
                synchronized (this) {
                    instances.add(replacement);
                    if (extras.remove(gone)) {
                        extras.add(replacement);
                    }
                    reconfigure(mesh);
                }
                gone.close();
            }
        } catch (TargetException | RuntimeException e) {
            controlPlaneError = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Renders every proxy's configuration for this mesh state and reloads those that changed; returns the wall time. */
    synchronized long reconfigure(MeshState state) throws TargetException {
        return reconfigure(state, false);
    }

    /** As {@link #reconfigure(MeshState)}; with {@code force}, every proxy reloads even if unchanged (a full push). */
    synchronized long reconfigure(MeshState state, boolean force) throws TargetException {
        long started = System.nanoTime();
        this.mesh = state;
        List<Callable<Boolean>> reloads = new ArrayList<>();
        for (LocalInstance instance : instances) {
            if (instance.isAlive()) {
                String config = sidecarConfig(instance.sidecarSpec());
                reloads.add(() -> instance.sidecar().reload(config, force));
            }
        }
        for (SidecarSpec spec : clientSpecs.values()) {
            String config = sidecarConfig(spec);
            HaproxyProcess client = clients.get(spec.workload());
            reloads.add(() -> client.reload(config, force));
        }
        String servicesConfig = ServiceAddressesConfig.render(servicePorts, endpoints(), runDir.path());
        reloads.add(() -> services.reload(servicesConfig, force));
        all(reloads);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private String sidecarConfig(SidecarSpec spec) {
        return new SidecarConfig(spec, endpoints(), mesh, mutants, runDir.path(), certificates.files()).render();
    }

    /** The endpoints of every live instance, as a Service's endpoints would list them. */
    List<Endpoint> endpoints() {
        return instances.stream().filter(LocalInstance::isAlive).map(LocalInstance::endpoint).toList();
    }

    List<LocalInstance> instances() {
        return List.copyOf(instances);
    }

    @Override
    public Entry entry(Traffic traffic) throws TargetException {
        String to = traffic.destination();
        return switch (traffic.from()) {
            case ingress -> new Entry(entryUri(clientSpecs.get(INGRESS), "productpage"), Map.of(), "ingress", false);
            case tester -> new Entry(entryUri(clientSpecs.get(TESTER), to), Map.of(), "tester", false);
            case outsider -> new Entry(URI.create("http://127.0.0.1:" + servicePorts.get(to)), Map.of(), "outsider", false);
        };
    }

    private static URI entryUri(SidecarSpec client, String service) {
        return URI.create("http://127.0.0.1:" + client.outboundPorts().get(service));
    }

    private Topology live() {
        List<SidecarSpec> sidecars = new ArrayList<>();
        instances.forEach(i -> sidecars.add(i.sidecarSpec()));
        sidecars.addAll(clientSpecs.values());
        return new Topology(sidecars, endpoints(), servicePorts);
    }

    private <T> List<T> all(List<Callable<T>> tasks) throws TargetException {
        List<Future<T>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        List<T> results = new ArrayList<>();
        TargetException failure = null;
        for (Future<T> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof TargetException t ? t
                            : new TargetException(String.valueOf(e.getCause().getMessage()), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetException("interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private void cleanLogs() throws IOException {
        if (Files.isDirectory(logDir)) {
            try (var old = Files.list(logDir)) {
                for (Path p : old.toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        Files.createDirectories(logDir);
    }

    /**
     * Stops everything. Not synchronized with {@link #start}: the shutdown hook (Ctrl-C) must not wait
     * for a start in progress; a process that start creates after this point is stopped at birth.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        controlPlane.shutdownNow();
        for (LocalInstance instance : instances) {
            try {
                instance.close();
            } catch (InterruptedException | RuntimeException e) {
                // keep stopping the others
            }
        }
        clients.values().forEach(HaproxyProcess::close);
        if (services != null) {
            services.close();
        }
        pool.shutdownNow();
        if (certificates != null) {
            certificates.close();
        }
        if (runDir != null) {
            runDir.close();
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }
}
