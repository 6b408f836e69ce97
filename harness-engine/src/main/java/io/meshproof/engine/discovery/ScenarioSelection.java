package io.meshproof.engine.discovery;

import io.meshproof.scenario.Feature;
import io.meshproof.scenario.Scenario;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Which scenarios a run takes: {@code mesh.scenarios} (comma-separated id globs or feature names,
 * such as {@code canary-*,FaultAbort}) and {@code mesh.profile} ({@code default} runs all,
 * {@code core}, {@code extended} or {@code resilience} run that profile's features).
 */
public record ScenarioSelection(List<String> patterns, String profile) {

    public boolean includes(Scenario scenario) {
        return inProfile(scenario.feature()) && matchesPatterns(scenario);
    }

    private boolean inProfile(Feature feature) {
        return profile.equals("default") || feature.profile().name().equals(profile);
    }

    private boolean matchesPatterns(Scenario scenario) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (String pattern : patterns) {
            if (pattern.equals(scenario.feature().name())) {
                return true;
            }
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            if (glob.matches(Path.of(scenario.id()))) {
                return true;
            }
        }
        return false;
    }

    /** A profile name the harness knows, or an explanation. */
    public static String checkProfile(String profile) {
        if (profile.equals("default")) {
            return null;
        }
        for (Feature.Profile p : Feature.Profile.values()) {
            if (p.name().equals(profile)) {
                return null;
            }
        }
        return "unknown mesh.profile '" + profile + "': use default, core, extended or resilience";
    }
}
