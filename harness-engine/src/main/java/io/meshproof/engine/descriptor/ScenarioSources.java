package io.meshproof.engine.descriptor;

import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.nio.file.Path;

/** Test sources that point at a line of a scenario file, so IDEs and reports open the YAML there. */
final class ScenarioSources {

    private ScenarioSources() {
    }

    static FileSource at(Path file, int line) {
        return FileSource.from(file.toAbsolutePath().normalize().toFile(), FilePosition.from(Math.max(1, line)));
    }
}
