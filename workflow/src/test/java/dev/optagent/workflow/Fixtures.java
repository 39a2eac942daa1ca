package dev.optagent.workflow;

import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;

import java.util.List;

/** Problems and model replies written for these tests (not from any benchmark, not recorded from a model). */
public final class Fixtures {

    public static final String BAGS = "Pack bags: each bag earns a profit of 4 and at most 12 bags can be packed. Maximize profit.";

    private Fixtures() {
    }

    public static String bags(String type, int most) {
        return """
                ## Understanding
                - maximize profit 4 per bag, at most %d bags.
                ```json
                {"name": "bags", "parameters": [{"name": "profit", "value": 4}, {"name": "most", "value": %d}],
                 "variables": [{"name": "bags", "type": "%s", "description": "bags packed", "unit": "bags"}],
                 "objective": {"sense": "maximize", "expression": "profit * bags"},
                 "constraints": [{"name": "limit", "expression": "bags <= most"}]}
                ```""".formatted(most, most, type);
    }

    /** Right: objective 48. */
    public static final String RIGHT = bags("integer", 12);
    /** Wrong data (10 bags): objective 40. */
    public static final String WRONG = bags("integer", 10);
    /** Right value, but the count is continuous: an integrality suspicion. */
    public static final String CONTINUOUS = bags("continuous", 12);
    /** An undeclared name: a blocking finding, repaired. */
    public static final String TYPO = RIGHT.replace("profit * bags", "proft * bags");

    public static Dataset dataset(String name, int n) {
        List<Problem> problems = new java.util.ArrayList<>();
        for (int k = 1; k <= n; k++) problems.add(new Problem(name + "-" + k, BAGS + " (case " + k + ")", 48.0, "ILP", false));
        return new Dataset(name, problems, List.of());
    }
}
