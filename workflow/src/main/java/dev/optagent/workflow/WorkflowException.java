package dev.optagent.workflow;

import java.util.List;

/** A workflow file or value that cannot be used, with every reason at once. */
public final class WorkflowException extends RuntimeException {

    private final List<String> problems;

    public WorkflowException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public WorkflowException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
