package io.meshproof.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario file that does not match the contract of DESIGN.md section 4. */
public class InvalidScenarioException extends Exception {

    private final transient List<ScenarioProblem> problems;

    public InvalidScenarioException(List<ScenarioProblem> problems) {
        super(problems.stream().map(ScenarioProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // a user's input error: the message is the whole story
    }
}
