package io.meshproof.report;

import java.util.List;

/** Scenarios by result. */
public record Summary(int passed, int failed, int skipped, int unsupported) {

    public static Summary of(List<ScenarioReport> scenarios) {
        int passed = 0, failed = 0, skipped = 0, unsupported = 0;
        for (ScenarioReport s : scenarios) {
            switch (s.result()) {
                case passed -> passed++;
                case failed -> failed++;
                case skipped -> skipped++;
                case unsupported -> unsupported++;
            }
        }
        return new Summary(passed, failed, skipped, unsupported);
    }
}
