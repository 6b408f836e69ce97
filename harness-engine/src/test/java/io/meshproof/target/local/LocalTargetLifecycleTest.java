package io.meshproof.target.local;

import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import io.meshproof.target.Deployment;
import io.meshproof.target.Progress;
import io.meshproof.target.TargetException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local target's own life cycle on real processes: a scenario's extra instances come and go
 * with it, a lost instance is dropped and replaced by the control plane, and closing leaves no
 * process behind.
 */
class LocalTargetLifecycleTest {

    @TempDir
    static Path reports;
    static LocalTarget target;
    static List<ProcessHandle> started;

    @BeforeAll
    static void start() throws TargetException {
        InstalledHaproxy.require();
        target = LocalTarget.configure(Map.of("mesh.report.dir", reports.toString()));
        target.start(Progress.SILENT);
        started = ProcessHandle.current().descendants().toList();
    }

    @AfterAll
    static void stop() {
        if (target == null) {
            return;
        }
        List<ProcessHandle> before = ProcessHandle.current().descendants().filter(p -> !p.info().command().orElse("").contains("java")
                || p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("BookinfoMain")).toList();
        target.close();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(before).noneMatch(ProcessHandle::isAlive));
    }

    static Scenario scenario(String setup) throws Exception {
        return ScenarioReader.read(Path.of("lifecycle.yaml"), """
                id: lifecycle
                title: lifecycle
                feature: OutlierEjection
                %s
                traffic: {from: tester, to: ratings, request: {path: /ratings/0}, rate: 10/s}
                expect:
                  - status: {code: 200, fraction: ">= 99%%"}
                """.formatted(setup));
    }

    @Test
    void aScenariosExtraInstancesLeaveWithIt() throws Exception {
        Map<String, String> stock = target.instanceBehaviors();
        assertThat(stock).hasSize(6).doesNotContainValue("unavailable");
        Deployment deployment = target.apply(scenario("setup:\n  instances:\n    - {service: ratings, version: v1, behavior: unavailable}"),
                Progress.SILENT);
        assertThat(deployment.instances()).hasSize(7).containsValue("unavailable");
        assertThat(target.endpoints()).filteredOn(e -> e.service().equals("ratings")).hasSize(2);
        deployment.close();
        assertThat(target.instanceBehaviors()).isEqualTo(stock);
        assertThat(target.endpoints()).filteredOn(e -> e.service().equals("ratings")).hasSize(1);
    }

    @Test
    void aLostInstanceIsDroppedAndReplaced() throws Exception {
        Deployment deployment = target.apply(scenario(""), Progress.SILENT);
        List<String> killed = deployment.chaos().kill("reviews", "v2", 1);
        assertThat(deployment.instances()).containsEntry(killed.get(0), "unavailable");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(target.endpoints())
                .filteredOn(e -> e.service().equals("reviews") && e.version().equals("v2"))
                .singleElement().satisfies(e -> assertThat(e.instance()).isNotEqualTo(killed.get(0))));
        deployment.close();
        assertThat(target.instanceBehaviors()).hasSize(6).doesNotContainKey(killed.get(0));
    }
}
