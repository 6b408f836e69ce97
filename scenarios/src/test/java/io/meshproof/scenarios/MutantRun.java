package io.meshproof.scenarios;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * Runs the engine on the local target with a mutant (DESIGN.md section 8) and tells, per check,
 * how it ended: {@code reviews-canary-90-10/split} -> FAILED, {@code reviews-canary-90-10/status 200} -> SUCCESSFUL.
 */
final class MutantRun {

    private MutantRun() {
    }

    /**
     * @param mutant    a local-target mutant, or null for the real data plane
     * @param scenarios {@code mesh.scenarios}: ids or features of the family under test
     */
    static Map<String, TestExecutionResult.Status> run(String mutant, String scenarios) {
        return run(mutant == null ? "none" : mutant, scenarios, mutant == null ? Map.of() : Map.of("mesh.local.mutant", mutant));
    }

    /** A run of the given scenarios with more configuration parameters; its reports go to {@code target/negative-controls/<name>}. */
    static Map<String, TestExecutionResult.Status> run(String name, String scenarios, Map<String, String> parameters) {
        var request = EngineTestKit.engine("meshproof")
                .selectors(selectDirectory("catalog"))
                .configurationParameter("mesh.scenarios", scenarios)
                .configurationParameter("mesh.report.dir", "target/negative-controls/" + name)
                // a mutant may keep the new state from ever showing: do not wait long for it
                .configurationParameter("mesh.convergence.timeout", "5s")
                .configurationParameters(parameters);
        EngineExecutionResults results = request.execute();
        Map<String, TestExecutionResult.Status> verdicts = new TreeMap<>();
        for (Event event : results.allEvents().list()) {
            if (event.getType() != EventType.FINISHED && event.getType() != EventType.SKIPPED) {
                continue;
            }
            TestExecutionResult.Status status = event.getType() == EventType.SKIPPED ? TestExecutionResult.Status.ABORTED
                    : event.getPayload(TestExecutionResult.class).orElseThrow().getStatus();
            verdicts.put(name(event), status);
        }
        return verdicts;
    }

    /** {@code target:local}, {@code reviews-canary-90-10}, {@code reviews-canary-90-10/split}. */
    private static String name(Event event) {
        UniqueId id = event.getTestDescriptor().getUniqueId();
        String scenario = null;
        String check = null;
        for (UniqueId.Segment segment : id.getSegments()) {
            switch (segment.getType()) {
                case "scenario" -> scenario = segment.getValue();
                case "check" -> check = segment.getValue();
                default -> { }
            }
        }
        String phase = id.getSegments().stream().filter(seg -> seg.getType().equals("phase")).map(UniqueId.Segment::getValue)
                .findFirst().map(p -> p + ":").orElse("");
        if (scenario == null) {
            return id.getLastSegment().getType() + ":" + id.getLastSegment().getValue();
        }
        scenario = phase + scenario;
        if (check == null) {
            return scenario;
        }
        String kind = check.equals("convergence") ? "convergence" : kindOf(event.getTestDescriptor().getDisplayName());
        return scenario + "/" + kind;
    }

    /** {@code split}, {@code latency}, {@code ejected}; a status check with its code or class ({@code status 503}), as a scenario may have several. */
    private static String kindOf(String displayName) {
        String[] words = displayName.split(" ");
        return words[0].equals("status") && words.length > 1 ? words[0] + " " + words[1] : words[0];
    }
}
