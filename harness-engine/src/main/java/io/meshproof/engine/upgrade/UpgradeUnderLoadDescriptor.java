package io.meshproof.engine.upgrade;

import io.meshproof.engine.MeshConfiguration;
import io.meshproof.engine.execution.MeshproofContext;
import io.meshproof.engine.execution.RunState;
import io.meshproof.engine.traffic.LoadPlanning;
import io.meshproof.load.LoadPlan;
import io.meshproof.load.LoadProgress;
import io.meshproof.load.LoadResult;
import io.meshproof.load.LoadRunner;
import io.meshproof.oracle.Observations;
import io.meshproof.oracle.Oracles;
import io.meshproof.oracle.Verdict;
import io.meshproof.scenario.DurationText;
import io.meshproof.scenario.Expectation;
import io.meshproof.scenario.Fraction;
import io.meshproof.scenario.Rate;
import io.meshproof.scenario.Traffic;
import io.meshproof.target.Entry;
import io.meshproof.target.MeshTarget;
import io.meshproof.target.Progress;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The upgrade itself, while load runs through the mesh: starts a little after the first request,
 * and the errors it causes are judged against a bound ({@link #BOUND} of requests answer 200).
 */
public final class UpgradeUnderLoadDescriptor extends AbstractTestDescriptor implements Node<MeshproofContext> {

    /** Requests during the upgrade that must succeed. */
    static final String BOUND = ">= 99%";
    static final Traffic TRAFFIC = new Traffic(Traffic.Source.ingress, null, null,
            new Traffic.Request("GET", "/api/v1/products/0/reviews", Map.of()), Rate.parse("50/s"), null, null, null);
    /** The upgrade begins this long after the first request, so the load shows the state before it too. */
    static final Duration LEAD = Duration.ofSeconds(2);

    private final MeshConfiguration.Upgrade upgrade;

    public UpgradeUnderLoadDescriptor(UniqueId parentId, MeshConfiguration.Upgrade upgrade) {
        super(parentId.append("upgrade", "under-load"), "upgrade from " + upgrade.from() + " to " + upgrade.to()
                + " under load: " + BOUND + " of requests answer 200");
        this.upgrade = upgrade;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public MeshproofContext execute(MeshproofContext context, DynamicTestExecutor executor) throws Exception {
        RunState run = context.run();
        MeshTarget target = context.target();
        Progress progress = run.console().child(target.name() + ": upgrade: ");
        Duration length = run.config().get("mesh.upgrade.load").map(DurationText::parse)
                .orElse(target.name().equals("local") ? Duration.ofSeconds(30) : Duration.ofMinutes(5));
        Entry entry = target.entry(TRAFFIC);
        Traffic traffic = new Traffic(TRAFFIC.from(), TRAFFIC.to(), null, TRAFFIC.request(), TRAFFIC.rate(), null, null, length);
        int requests = (int) (TRAFFIC.rate().perSecond() * length.toSeconds());
        LoadPlan plan = LoadPlanning.plan(traffic, entry, entry.headers(), requests);
        LoadRunner runner = target.loadRunner(traffic).orElse(run.loadRunner());

        CompletableFuture<Void> upgraded = new CompletableFuture<>();
        LoadProgress startUpgrade = new LoadProgress() {
            @Override
            public void update(int sent, int planned, long elapsedMillis) {
                if (sent > 0) {
                    started(0);
                }
            }

            @Override
            public void started(long firstSendMicros) {
                if (!upgraded.isDone() && !upgrading) {
                    upgrading = true;
                    CompletableFuture.runAsync(() -> {
                        try {
                            Thread.sleep(LEAD.toMillis());
                            target.upgrade(upgrade.to(), progress);
                            upgraded.complete(null);
                        } catch (Exception e) {
                            upgraded.completeExceptionally(e);
                        }
                    });
                }
            }

            private volatile boolean upgrading;
        };
        progress.line("load: " + requests + " requests at " + TRAFFIC.rate() + " for " + length.toSeconds() + " s while "
                + target.name() + " goes from " + upgrade.from() + " to " + upgrade.to());
        LoadResult result = runner.run(plan, startUpgrade);
        try {
            upgraded.get(30, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            run.upgradeOutcome("the upgrade failed: " + e.getCause().getMessage());
            throw new AssertionFailedError("the upgrade to " + upgrade.to() + " failed: " + e.getCause().getMessage());
        }
        Expectation.Status expectation = new Expectation.Status(200, null, Fraction.parse(BOUND));
        Observations observations = new Observations(result.records(),
                result.records().isEmpty() ? 0 : result.records().get(0).sentAtMicros(), Map.of(), null);
        Verdict verdict = Oracles.judge(expectation, observations, run.rates());
        run.upgradeOutcome((verdict.passed() ? "passed" : "FAILED") + ": " + verdict.message());
        progress.line((verdict.passed() ? "passed: " : "FAILED: ") + verdict.message());
        if (!verdict.passed()) {
            throw new AssertionFailedError("during the upgrade " + verdict.message() + "\n    evidence: " + verdict.evidence());
        }
        return context;
    }
}
