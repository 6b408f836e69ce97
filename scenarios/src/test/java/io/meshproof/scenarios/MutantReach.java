package io.meshproof.scenarios;

import io.meshproof.scenario.InvalidScenarioException;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import io.meshproof.target.RenderedState;
import io.meshproof.target.TargetException;
import io.meshproof.target.local.LocalTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which catalog scenarios a mutant can change at all. A mutant acts only through the configuration the
 * local target renders; a scenario whose rendering it leaves byte for byte the same runs on the same
 * data plane as without the mutant, so its checks end as they do in the conformance suite. A negative
 * control then needs to run only the scenarios the mutant reaches.
 */
final class MutantReach {

    private MutantReach() {
    }

    /** Ids of the catalog scenarios whose local rendering differs under {@code mutant}. */
    static Set<String> of(String mutant) {
        Set<String> reached = new TreeSet<>();
        try (LocalTarget plain = LocalTarget.configure(Map.of()); LocalTarget mutated = LocalTarget.configure(Map.of("mesh.local.mutant", mutant))) {
            for (Path file : CatalogTest.catalog()) {
                Scenario scenario = ScenarioReader.read(file);
                RenderedState stock = plain.render(scenario);
                if (!stock.equals(mutated.render(scenario))) {
                    reached.add(scenario.id());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TargetException | InvalidScenarioException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return reached;
    }
}
