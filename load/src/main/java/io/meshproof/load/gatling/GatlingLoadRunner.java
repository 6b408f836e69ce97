package io.meshproof.load.gatling;

import io.meshproof.load.LoadException;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.LoadResult;
import io.meshproof.load.LoadRunner;
import io.meshproof.load.RequestRecord;
import io.meshproof.load.RequestRecordCsv;
import io.meshproof.load.gatling.fork.ForkMain;
import io.meshproof.load.gatling.fork.ForkProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Stream;

/**
 * Drives a {@link LoadPlan} with Gatling in a forked JVM and returns one {@link RequestRecord} per request.
 *
 * <p>The fork (see {@link ForkMain}) runs from this JVM's {@code java.class.path} with this JVM's
 * {@code java}, in a temporary directory that is deleted afterwards with everything in it (plan, records,
 * the fork's temporary files). It is bounded: past the plan's {@code maxDuration}, one request timeout
 * and the overstay margin it is killed and the run fails. It dies with this JVM: through a shutdown
 * hook, and, when this JVM is killed, because the fork's standard input closes.
 *
 * <p>{@code maxDuration} bounds when requests are sent (from the first one); requests in flight then
 * finish within the request timeout and are recorded, so slow requests do not drop out of the sample.
 *
 * <pre>{@code
 * LoadResult result = new GatlingLoadRunner()
 *         .withLogDirectory(reportDir.resolve("load-logs"))
 *         .run(plan, (sent, planned, ms) -> log.info("{}/{} requests", sent, planned));
 * }</pre>
 *
 * Instances are immutable and may be shared; each run starts its own fork (Gatling runs one simulation
 * per JVM), so runs may overlap.
 */
public final class GatlingLoadRunner implements LoadRunner {

    /**
     * Time the fork may take beyond the plan's maxDuration and one request timeout (the last requests
     * finish within it): JVM start, Gatling start and warm-up, shutdown.
     */
    public static final Duration DEFAULT_OVERSTAY_MARGIN = Duration.ofSeconds(30);

    /** Requests to a server inside the fork before the load (not to the target, not recorded). */
    public static final int DEFAULT_WARM_UP_REQUESTS = 50;

    /**
     * JVM options of the fork unless {@link #withJvmOptions} replaces them. C1 only and the serial
     * collector: on two cores shared with the system under test they start the fork with 40% less CPU,
     * keep it 50 MiB smaller and sustain a higher open-model rate than C2 and G1 (load/BENCHMARKS.md).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final Logger LOG = LoggerFactory.getLogger(GatlingLoadRunner.class);
    private static final DateTimeFormatter LOG_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path logDirectory;
    private final Path workDirectory;
    private final Duration overstayMargin;
    private final List<String> jvmOptions;
    private final String classPath;
    private final int warmUpRequests;

    public GatlingLoadRunner() {
        this(null, Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_OVERSTAY_MARGIN, DEFAULT_JVM_OPTIONS,
                System.getProperty("java.class.path"), DEFAULT_WARM_UP_REQUESTS);
    }

    private GatlingLoadRunner(Path logDirectory, Path workDirectory, Duration overstayMargin, List<String> jvmOptions,
                              String classPath, int warmUpRequests) {
        this.logDirectory = logDirectory;
        this.workDirectory = workDirectory;
        this.overstayMargin = overstayMargin;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classPath = classPath;
        this.warmUpRequests = warmUpRequests;
    }

    /** Keeps each run's load log (Gatling's output, failure kinds with their messages, memory) in this directory. */
    public GatlingLoadRunner withLogDirectory(Path directory) {
        return new GatlingLoadRunner(Objects.requireNonNull(directory, "directory"), workDirectory, overstayMargin,
                jvmOptions, classPath, warmUpRequests);
    }

    /** Where each run's temporary directory is made (default {@code java.io.tmpdir}); it is deleted after the run. */
    public GatlingLoadRunner withWorkDirectory(Path directory) {
        return new GatlingLoadRunner(logDirectory, Objects.requireNonNull(directory, "directory"), overstayMargin,
                jvmOptions, classPath, warmUpRequests);
    }

    /** How long the fork may run beyond the plan's maxDuration and request timeout before it is killed (default 30 s). */
    public GatlingLoadRunner withOverstayMargin(Duration margin) {
        if (margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("the overstay margin must be zero or positive, was " + margin);
        }
        return new GatlingLoadRunner(logDirectory, workDirectory, margin, jvmOptions, classPath, warmUpRequests);
    }

    /** Replaces {@link #DEFAULT_JVM_OPTIONS} (heap size, for large loads); the fork's required options stay. */
    public GatlingLoadRunner withJvmOptions(List<String> options) {
        return new GatlingLoadRunner(logDirectory, workDirectory, overstayMargin, options, classPath, warmUpRequests);
    }

    /**
     * The fork's class path (default: this JVM's {@code java.class.path}, which also works under Surefire's
     * manifest-only jar). It must hold this module and its dependencies.
     */
    public GatlingLoadRunner withClassPath(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("the fork's class path must name this module and its dependencies");
        }
        return new GatlingLoadRunner(logDirectory, workDirectory, overstayMargin, jvmOptions, path, warmUpRequests);
    }

    /**
     * How many requests warm the fork's HTTP path up before the load (default {@value #DEFAULT_WARM_UP_REQUESTS},
     * 0 for none). They go to a server inside the fork, never to the target, and are not recorded.
     */
    public GatlingLoadRunner withWarmUpRequests(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("warm-up requests must be zero or more, was " + requests);
        }
        return new GatlingLoadRunner(logDirectory, workDirectory, overstayMargin, jvmOptions, classPath, requests);
    }

    @Override
    public LoadResult run(LoadPlan plan, LoadProgress progress) throws LoadException {
        Objects.requireNonNull(plan, "plan");
        LoadProgress listener = progress == null ? LoadProgress.SILENT : progress;
        requireRunnable(plan);
        Path directory = createRunDirectory();
        try {
            Path input = directory.resolve("input.json");
            Path records = directory.resolve("records.csv");
            Files.createDirectories(directory.resolve("tmp"));
            ForkProtocol.writeInput(new ForkProtocol.Input(plan, records.toString(), warmUpRequests), input);
            Instant launched = Instant.now();
            LOG.debug("starting the load fork for {} requests to {}", plan.maxRequests(), plan.uri());
            try (LoadFork fork = LoadFork.start(command(directory, input), directory, logFile(launched))) {
                Duration bound = plan.maxDuration().plus(ForkProtocol.requestTimeout(plan)).plus(overstayMargin);
                int status = fork.await(bound, plan.maxRequests(), listener);
                if (status != 0 || fork.recorded() < 0 || !Files.exists(records)) {
                    throw new LoadException("the Gatling load fork failed (exit status " + status + ")" + fork.lastOutput());
                }
                List<RequestRecord> read = readRecords(records);
                if (read.size() != fork.recorded()) {
                    throw new LoadException("the load fork recorded " + fork.recorded() + " requests but "
                            + read.size() + " were read back from " + records);
                }
                if (fork.sent() > read.size()) {
                    LOG.warn("{} requests outlasted their timeout and Gatling's backstop ended the run; they have no record",
                            fork.sent() - read.size());
                }
                warnIfBehindRate(plan, read);
                return new LoadResult(read, instant(fork.startedMicros(), launched), instant(fork.endedMicros(), Instant.now()),
                        engine());
            }
        } catch (IOException e) {
            throw new LoadException("could not hand the plan to the load fork or read its records: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted while the load ran; the load fork was stopped", e);
        } finally {
            deleteRecursively(directory);
        }
    }

    /** What {@link LoadResult#engine()} says: Gatling's version, as found on the fork's class path. */
    static String engine() {
        return "Gatling " + ResourceBundle.getBundle("gatling-version").getString("version") + " (forked JVM)";
    }

    private static void requireRunnable(LoadPlan plan) {
        if (plan.method() == null || plan.method().isBlank() || plan.path() == null || plan.baseUri() == null) {
            throw new IllegalArgumentException("a load plan needs a baseUri, a method and a path, got "
                    + plan.baseUri() + " " + plan.method() + " " + plan.path());
        }
        if (plan.openModel() && !(plan.ratePerSecond() > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be positive, was " + plan.ratePerSecond());
        }
        if (!plan.openModel() && plan.concurrency() < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + plan.concurrency());
        }
        if (plan.requestTimeout() != null && (plan.requestTimeout().isZero() || plan.requestTimeout().isNegative())) {
            throw new IllegalArgumentException("requestTimeout must be positive (or absent: as long as the load), was "
                    + plan.requestTimeout());
        }
    }

    /** The fork's command line for a run directory and its input file. */
    List<String> command(Path directory, Path input) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Gatling 3.14 reads String internals (its file data writer); without this it crashes when that runs
        command.add("--add-opens");
        command.add("java.base/java.lang=ALL-UNNAMED");
        // no /tmp/hsperfdata_<user>/<pid> file, which a killed fork would leave behind
        command.add("-XX:-UsePerfData");
        command.addAll(jvmOptions);
        // the fork's temporary files (Netty's native libraries) stay in the run directory, deleted afterwards
        command.add("-Djava.io.tmpdir=" + directory.resolve("tmp"));
        command.add("-cp");
        command.add(classPath);
        command.add(ForkMain.class.getName());
        command.add(input.toString());
        return command;
    }

    private Path createRunDirectory() throws LoadException {
        try {
            Files.createDirectories(workDirectory);
            return Files.createTempDirectory(workDirectory, "meshproof-load-");
        } catch (IOException e) {
            throw new LoadException("could not create the load's working directory under " + workDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    private Path logFile(Instant launched) {
        return logDirectory == null ? null
                : logDirectory.resolve("gatling-" + LOG_NAME_TIME.format(launched) + "-" + ProcessHandle.current().pid() + ".log");
    }

    private static List<RequestRecord> readRecords(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<RequestRecord> records = new ArrayList<>(RequestRecordCsv.read(in));
            records.sort(Comparator.comparingLong(RequestRecord::sentAtMicros));
            return records;
        }
    }

    /**
     * An overloaded load generator starts its users late; their latency then misses the lag (coordinated
     * omission by the generator itself). Rare at harness rates, so it is said out loud when it happens.
     */
    private static void warnIfBehindRate(LoadPlan plan, List<RequestRecord> records) {
        if (!plan.openModel() || records.size() < 10) {
            return;
        }
        double spanSeconds = (records.get(records.size() - 1).sentAtMicros() - records.get(0).sentAtMicros()) / 1e6;
        double achieved = (records.size() - 1) / Math.max(spanSeconds, 1e-6);
        if (achieved < 0.9 * plan.ratePerSecond()) {
            LOG.warn("the load fell behind its rate: planned {}/s, sent at {}/s; the load generator was overloaded and"
                    + " the latencies miss its lag", plan.ratePerSecond(), String.format("%.1f", achieved));
        }
    }

    private static Instant instant(long epochMicros, Instant otherwise) {
        return epochMicros < 0 ? otherwise : Instant.EPOCH.plusNanos(epochMicros * 1000);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete the load's working directory {}: {}", directory, e.getMessage());
        }
    }
}
