package io.meshproof.scenario;

import io.meshproof.report.FeatureCatalog;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The report module keeps the feature catalog's order as names; it must not drift from the engine's enum. */
class FeatureCatalogTest {

    @Test
    void reportsKnowTheSameFeaturesInTheSameOrder() {
        assertThat(FeatureCatalog.ORDER).containsExactlyElementsOf(Arrays.stream(Feature.values()).map(Enum::name).toList());
    }
}
