package io.meshproof.scenarios;

import io.meshproof.scenario.InvalidScenarioException;
import io.meshproof.scenario.Scenario;
import io.meshproof.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every file of the catalog is a valid scenario, named after its id, with a unique id. */
class CatalogTest {

    static List<Path> catalog() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("catalog"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyScenarioFileIsValidAndNamedAfterItsId() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        List<Path> files = catalog();
        for (Path file : files) {
            try {
                Scenario s = ScenarioReader.read(file);
                if (!file.getFileName().toString().equals(s.id() + ".yaml")) {
                    problems.add(file + ": file name does not match id " + s.id());
                }
                Path earlier = ids.put(s.id(), file);
                if (earlier != null) {
                    problems.add(file + ": id " + s.id() + " already used by " + earlier);
                }
            } catch (InvalidScenarioException e) {
                problems.add(e.getMessage());
            }
        }
        assertThat(files).as("scenario files in catalog/").hasSizeGreaterThanOrEqualTo(6);
        assertThat(problems).isEmpty();
    }
}
