package io.meshproof.ci.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code mvn} command line asks for: the projects ({@code -pl}), profiles ({@code -P}), properties
 * ({@code -D}) and goals. Selector prefixes ({@code !}, {@code -}, {@code ?}) stay on the names; a word the shell
 * would expand stays marked as not literal.
 */
public record MavenInvocation(List<ShellWord> projects, List<ShellWord> profiles, Map<String, ShellWord> properties,
                              List<String> goals) {

    private static final Set<String> PROGRAMS = Set.of("mvn", "mvnw", "./mvnw");
    /** Options that take the next word as their value (besides -pl, -P and -D). */
    private static final Set<String> WITH_VALUE = Set.of("-f", "--file", "-s", "--settings", "-gs", "--global-settings",
            "-t", "--toolchains", "-gt", "--global-toolchains", "-T", "--threads", "-rf", "--resume-from",
            "-l", "--log-file", "-b", "--builder", "-c", "--color");

    /** The invocation a command makes, when it runs Maven. */
    public static Optional<MavenInvocation> of(ShellCommand command) {
        if (command.program().filter(p -> p.literal() && PROGRAMS.contains(p.text())).isEmpty()) {
            return Optional.empty();
        }
        List<ShellWord> projects = new ArrayList<>();
        List<ShellWord> profiles = new ArrayList<>();
        Map<String, ShellWord> properties = new LinkedHashMap<>();
        List<String> goals = new ArrayList<>();
        List<ShellWord> args = command.arguments();
        for (int i = 0; i < args.size(); i++) {
            ShellWord w = args.get(i);
            String t = w.text();
            ShellWord next = i + 1 < args.size() ? args.get(i + 1) : new ShellWord("", true);
            if (t.equals("-pl") || t.equals("--projects")) {
                projects.addAll(split(next));
                i++;
            } else if (t.startsWith("--projects=")) {
                projects.addAll(split(new ShellWord(t.substring("--projects=".length()), w.literal())));
            } else if (t.equals("-P") || t.equals("--activate-profiles")) {
                profiles.addAll(split(next));
                i++;
            } else if (t.startsWith("--activate-profiles=")) {
                profiles.addAll(split(new ShellWord(t.substring("--activate-profiles=".length()), w.literal())));
            } else if (t.startsWith("-P")) {
                profiles.addAll(split(new ShellWord(t.substring(2), w.literal())));
            } else if (t.equals("-D") || t.equals("--define")) {
                property(next, properties);
                i++;
            } else if (t.startsWith("-D")) {
                property(new ShellWord(t.substring(2), w.literal()), properties);
            } else if (WITH_VALUE.contains(t)) {
                i++;
            } else if (!t.startsWith("-")) {
                goals.add(t);
            }
        }
        return Optional.of(new MavenInvocation(List.copyOf(projects), List.copyOf(profiles), properties, List.copyOf(goals)));
    }

    public Optional<ShellWord> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    private static void property(ShellWord w, Map<String, ShellWord> properties) {
        int eq = w.text().indexOf('=');
        String key = eq < 0 ? w.text() : w.text().substring(0, eq);
        String value = eq < 0 ? "true" : w.text().substring(eq + 1);
        properties.put(key, new ShellWord(value, w.literal()));
    }

    private static List<ShellWord> split(ShellWord w) {
        List<ShellWord> parts = new ArrayList<>();
        for (String p : w.text().split(",")) {
            if (!p.isBlank()) {
                parts.add(new ShellWord(p.strip(), w.literal()));
            }
        }
        return parts;
    }
}
