package io.meshproof.target;

import io.meshproof.report.Support;

/** How a target supports a scenario's features, with a note a reader sees in the report. */
public record FeatureSupport(Support level, String note) {

    public static FeatureSupport nativelySupported() {
        return new FeatureSupport(Support.native_, null);
    }

    public static FeatureSupport emulated(String how) {
        return new FeatureSupport(Support.emulated, how);
    }

    public static FeatureSupport unsupported(String why) {
        return new FeatureSupport(Support.unsupported, why);
    }
}
