package dev.optagent.workflow.graph;

import java.util.List;
import java.util.Map;

/**
 * One operation of a run (a Trace {@code MessageNode}): a stage with the nodes it read, the workflow
 * parameters it read, what it produced and what it cost.
 *
 * @param id         {@code formulate_0}, {@code check_0}, {@code repair_1} (sample suffix {@code _s2} when sampling)
 * @param operator   the stage ({@code understand}, {@code formulate}, {@code check}, {@code repair}, {@code verdict})
 * @param inputs     argument name → the node id it came from ({@code problem} is the run's input)
 * @param parameters workflow parameters the operation read
 * @param output     what it produced (the model's reply, or the solve summary of a check)
 * @param findings   for a check: what the checks and the solver found
 */
public record OperationNode(String id, String operator, int attempt, int round, Map<String, String> inputs, List<String> parameters,
                            String output, List<String> findings, int tokens, long millis) {

    public OperationNode {
        inputs = Map.copyOf(inputs);
        parameters = List.copyOf(parameters);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** The Trace-style code line: {@code repair_1 = repair(formulation=check_0, findings=check_0.findings, ...)}. */
    public String code() {
        StringBuilder args = new StringBuilder();
        inputs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> args.append(args.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue()));
        for (String p : parameters) args.append(args.isEmpty() ? "" : ", ").append(p.replace('.', '_').replace('-', '_')).append('=').append(p);
        return id + " = " + operator + "(" + args + ")";
    }
}
