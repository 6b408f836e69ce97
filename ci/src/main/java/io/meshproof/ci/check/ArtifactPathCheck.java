package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.shell.MavenInvocation;
import io.meshproof.ci.shell.ShellCommand;
import io.meshproof.ci.shell.ShellScript;
import io.meshproof.ci.shell.ShellWord;
import io.meshproof.ci.workflow.Job;
import io.meshproof.ci.workflow.Step;
import io.meshproof.ci.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Artifacts upload what the project writes: the engine's reports under {@value Project#REPORT_DIR}, the JUnit
 * reports of Surefire and Failsafe, or a directory an earlier step of the job writes with {@code --out DIR}.
 * Reports upload also when the build failed, since that is when they are needed.
 */
public final class ArtifactPathCheck implements WorkflowCheck {

    static final String UPLOAD = "actions/upload-artifact";
    /** [module/ or **&#47;]target/surefire-reports or target/failsafe-reports, optionally with a path below. */
    private static final Pattern TEST_REPORTS = Pattern.compile("(\\*\\*/|(?<module>[\\w.-]+(/[\\w.-]+)*)/)?target/(surefire|failsafe)-reports(/.*)?");
    private static final Pattern RUNS_AFTER_FAILURE = Pattern.compile("always\\(\\)|!\\s*cancelled\\(\\)|failure\\(\\)");

    @Override
    public List<Finding> check(Workflow workflow, Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Job job : workflow.jobs()) {
            List<String> written = new ArrayList<>();
            for (Step step : job.steps()) {
                step.run().ifPresent(script -> written.addAll(outputs(script)));
                if (step.action().filter(UPLOAD::equals).isEmpty()) {
                    continue;
                }
                String paths = step.with().path("path").asText("");
                if (paths.isBlank()) {
                    findings.add(new Finding(workflow.displayName(), step.where(), "uploads no path: give with.path"));
                    continue;
                }
                boolean reports = false;
                for (String line : paths.split("\n")) {
                    String path = normalize(line);
                    if (path.isEmpty() || path.startsWith("!")) {
                        continue;
                    }
                    Optional<String> problem = Optional.empty();
                    if (under(path, Project.REPORT_DIR)) {
                        reports = true;
                    } else if (TEST_REPORTS.matcher(path).matches()) {
                        reports = true;
                        problem = testReportModule(path, project);
                    } else if (written.stream().noneMatch(dir -> under(path, dir))) {
                        problem = Optional.of("uploads " + path + ", which nothing in the project writes: reports are under "
                                + Project.REPORT_DIR + ", JUnit reports under <module>/target/{surefire,failsafe}-reports,"
                                + " or name a directory an earlier step of the job writes with --out DIR");
                    }
                    problem.ifPresent(p -> findings.add(new Finding(workflow.displayName(), step.where() + ".with.path", p)));
                }
                if (reports && step.condition().filter(c -> RUNS_AFTER_FAILURE.matcher(c).find()).isEmpty()) {
                    findings.add(new Finding(workflow.displayName(), step.where(), "uploads reports only when every"
                            + " earlier step passed: add if: ${{ !cancelled() }} so a failed build keeps its evidence"));
                }
            }
        }
        return findings;
    }

    /** The directories a script says it writes: the value of each {@code --out}, also inside {@code -Dexec.args}. */
    static List<String> outputs(String script) {
        List<String> dirs = new ArrayList<>();
        for (ShellCommand command : ShellScript.commands(script)) {
            outAfter(command.words(), dirs);
            MavenInvocation.of(command).flatMap(m -> m.property("exec.args"))
                    .ifPresent(args -> ShellScript.commands(args.text()).forEach(c -> outAfter(c.words(), dirs)));
        }
        return dirs;
    }

    private static void outAfter(List<ShellWord> words, List<String> dirs) {
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).text().equals("--out") && words.get(i + 1).literal()) {
                dirs.add(normalize(words.get(i + 1).text()));
            }
        }
    }

    private static Optional<String> testReportModule(String path, Project project) {
        Matcher m = TEST_REPORTS.matcher(path);
        if (m.matches() && m.group("module") != null && project.module(m.group("module")).isEmpty()) {
            return Optional.of("uploads " + path + ", but the reactor has no module " + m.group("module") + " (modules: "
                    + String.join(", ", project.modulePaths()) + ")");
        }
        return Optional.empty();
    }

    private static boolean under(String path, String dir) {
        return path.equals(dir) || path.startsWith(dir + "/");
    }

    private static String normalize(String path) {
        String p = path.strip();
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.endsWith("/") && p.length() > 1) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
