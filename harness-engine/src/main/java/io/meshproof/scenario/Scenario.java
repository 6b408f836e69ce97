package io.meshproof.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * One scenario file, parsed and validated (DESIGN.md section 4). Mesh-neutral: targets render
 * {@link #mesh()} into their own resources. {@link #positions()} maps places in the file (JSON
 * pointers such as {@code /expect/0}) to their lines, for test sources and error messages.
 */
public record Scenario(
        String id,
        String title,
        Feature feature,
        Setup setup,
        MeshState mesh,
        Traffic traffic,
        List<ChaosAction> chaos,
        List<Expectation> expect,
        Path file,
        SourcePositions positions) {

    public Scenario {
        setup = setup == null ? Setup.NONE : setup;
        mesh = mesh == null ? MeshState.EMPTY : mesh;
        chaos = chaos == null ? List.of() : List.copyOf(chaos);
        expect = expect == null ? List.of() : List.copyOf(expect);
    }

    /** Line of the expectation at {@code index}. */
    public int lineOfExpectation(int index) {
        return positions.lineOf("/expect/" + index);
    }

    /** Line of the scenario's {@code id} field. */
    public int line() {
        return positions.lineOf("/id");
    }
}
