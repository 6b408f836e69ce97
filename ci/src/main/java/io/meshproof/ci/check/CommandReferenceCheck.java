package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.shell.MavenInvocation;
import io.meshproof.ci.shell.ShellCommand;
import io.meshproof.ci.shell.ShellScript;
import io.meshproof.ci.shell.ShellWord;
import io.meshproof.ci.workflow.Step;
import io.meshproof.ci.workflow.Workflow;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every command a workflow runs refers only to what the project has: {@code mvn -pl} modules of the reactor,
 * {@code -P} profiles of its poms, {@code -Dexec.mainClass} classes with a main method in the selected modules,
 * {@code -Dmesh.*} parameters the engine reads, and scripts ({@code bash .ci/run}, {@code ci/scripts/x.sh}) that
 * exist and are executable. The project's own scripts a workflow calls are read and checked the same way
 * (they run from the project root).
 */
public final class CommandReferenceCheck implements WorkflowCheck {

    private static final Set<String> SHELLS = Set.of("bash", "sh");

    @Override
    public List<Finding> check(Workflow workflow, Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Step step : workflow.steps()) {
            step.run().ifPresent(script -> {
                for (String problem : problems(script, step.workingDirectory(), project)) {
                    findings.add(new Finding(workflow.displayName(), step.where() + ".run", problem));
                }
            });
        }
        return findings;
    }

    /**
     * What is wrong with the references of a script that starts in {@code workingDirectory} (relative to the
     * project root); empty when every reference holds.
     */
    public List<String> problems(String script, String workingDirectory, Project project) {
        return new Walk(project).script(script, project.root().resolve(workingDirectory).normalize(), "");
    }

    /** One check of a script and of the project scripts it calls, each read once. */
    private static final class Walk {
        private final Project project;
        private final Set<Path> visited = new HashSet<>();

        Walk(Project project) {
            this.project = project;
        }

        List<String> script(String script, Path cwd, String context) {
            List<String> problems = new ArrayList<>();
            for (ShellCommand command : ShellScript.commands(script)) {
                String at = context.isEmpty() ? "" : context + " line " + command.line() + ": ";
                MavenInvocation.of(command).ifPresent(mvn -> maven(mvn, command, at, problems));
                calledFile(command).ifPresent(called -> called(called, command, cwd, at, problems));
            }
            return problems;
        }

        private void maven(MavenInvocation mvn, ShellCommand command, String at, List<String> problems) {
            Set<String> selected = new LinkedHashSet<>();
            for (ShellWord project : mvn.projects()) {
                String name = stripSelectorPrefix(project.text());
                if (!project.literal()) {
                    problems.add(at + "mvn -pl " + project.text() + " is not a literal module: name modules literally so they can be checked");
                } else if (project.text().startsWith("?")) {
                    continue;
                } else if (this.project.module(name).isEmpty()) {
                    problems.add(at + "mvn -pl " + name + ": no such module in the reactor (modules: "
                            + String.join(", ", this.project.modulePaths()) + ")");
                } else if (!project.text().startsWith("!") && !project.text().startsWith("-")) {
                    selected.add(this.project.module(name).get());
                }
            }
            for (ShellWord profile : mvn.profiles()) {
                String name = stripSelectorPrefix(profile.text());
                if (!profile.literal()) {
                    problems.add(at + "mvn -P" + profile.text() + " is not a literal profile: name profiles literally so they can be checked");
                } else if (!profile.text().startsWith("?") && !this.project.profiles().contains(name)) {
                    problems.add(at + "mvn -P" + name + ": no profile '" + name + "' in any pom (profiles: "
                            + String.join(", ", this.project.profiles()) + ")");
                }
            }
            mvn.property("exec.mainClass").ifPresent(main -> {
                if (!main.literal()) {
                    problems.add(at + "mvn -Dexec.mainClass=" + main.text() + " is not a literal class name");
                } else if (!this.project.hasMainClass(main.text(), selected)) {
                    problems.add(at + "mvn -Dexec.mainClass=" + main.text() + ": no class with a main method of that name in "
                            + (selected.isEmpty() ? "any module" : "src/main/java of " + String.join(", ", selected)));
                }
            });
            for (String key : mvn.properties().keySet()) {
                if (key.startsWith("mesh.") && !this.project.engineParameters().contains(key)) {
                    problems.add(at + "mvn -D" + key + ": the engine reads no parameter '" + key + "' (it reads: "
                            + String.join(", ", this.project.engineParameters()) + ")");
                }
            }
        }

        private void called(Called called, ShellCommand command, Path cwd, String at, List<String> problems) {
            Path file = cwd.resolve(called.path()).normalize();
            String shown = project.root().relativize(file).toString();
            if (!Files.isRegularFile(file)) {
                problems.add(at + "`" + command + "` runs " + shown + ", which does not exist");
                return;
            }
            if (called.mustBeExecutable() && !Files.isExecutable(file)) {
                problems.add(at + "`" + command + "` runs " + shown + ", which is not executable: chmod +x " + shown
                        + " (and commit the mode)");
            }
            if (called.isShellScript() && file.startsWith(project.root()) && hasShellShebang(file) && visited.add(file)) {
                try {
                    problems.addAll(script(Files.readString(file), project.root(), "in " + shown));
                } catch (IOException e) {
                    problems.add(at + shown + " cannot be read: " + e.getMessage());
                }
            }
        }

        /** The project file a command runs: {@code bash x.sh}, {@code node x.cjs}, or {@code ci/scripts/x.sh} itself. */
        private static Optional<Called> calledFile(ShellCommand command) {
            Optional<ShellWord> program = command.program();
            if (program.isEmpty() || !program.get().literal()) {
                return Optional.empty();
            }
            String name = program.get().text();
            if (SHELLS.contains(name) || name.equals("node")) {
                List<ShellWord> args = command.arguments();
                for (ShellWord arg : args) {
                    if (arg.text().equals("-c") || arg.text().equals("-e") && name.equals("node")) {
                        return Optional.empty(); // an inline script, no file
                    }
                    if (!arg.text().startsWith("-")) {
                        return arg.literal() && !arg.text().startsWith("/")
                                ? Optional.of(new Called(arg.text(), SHELLS.contains(name), SHELLS.contains(name)))
                                : Optional.empty();
                    }
                }
                return Optional.empty();
            }
            if (name.contains("/") && !name.startsWith("/")) {
                return Optional.of(new Called(name, true, true));
            }
            return Optional.empty();
        }

        /** Only files that say they are shell scripts are read as such (bash README.md is an error, not a script). */
        private static boolean hasShellShebang(Path file) {
            try (BufferedReader in = Files.newBufferedReader(file)) {
                String first = in.readLine();
                return first != null && first.startsWith("#!") && first.matches("#!.*\\b(ba)?sh\\b.*");
            } catch (IOException | UncheckedIOException e) {
                return false;
            }
        }

        private static String stripSelectorPrefix(String selector) {
            return selector.replaceFirst("^[!?+-]+", "");
        }
    }

    /** A file a command runs, whether it must carry the executable bit, and whether it is a shell script to read. */
    private record Called(String path, boolean mustBeExecutable, boolean isShellScript) {
    }
}
