package io.meshproof.target.kube;

import io.meshproof.report.Support;
import io.meshproof.target.FeatureSupport;

import java.util.ArrayList;
import java.util.List;

/** Collects how each needed feature is supported and answers with the weakest level and every note. */
public final class SupportJudgement {

    private Support level = Support.native_;
    private final List<String> notes = new ArrayList<>();

    public SupportJudgement add(FeatureSupport support) {
        if (rank(support.level()) > rank(level)) {
            level = support.level();
        }
        if (support.note() != null && !support.note().isBlank() && !notes.contains(support.note())) {
            notes.add(support.note());
        }
        return this;
    }

    public FeatureSupport result() {
        return new FeatureSupport(level, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static int rank(Support support) {
        return switch (support) {
            case native_ -> 0;
            case emulated -> 1;
            case unsupported -> 2;
        };
    }
}
