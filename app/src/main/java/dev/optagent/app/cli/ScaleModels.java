package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.Objective;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.VariableType;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded synthetic models for scale measurements (same seed, same model, on every machine). */
final class ScaleModels {

    private ScaleModels() {
    }

    /** An n x n transportation LP with balanced supply and demand: n^2 variables, 2n constraints. */
    static Formulation transport(int n) {
        SplittableRandom random = new SplittableRandom(n);
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode supply = json.arrayNode();
        ArrayNode demand = json.arrayNode();
        ArrayNode cost = json.arrayNode();
        for (int i = 0; i < n; i++) {
            supply.add(100 + random.nextInt(50));
            demand.add(80 + random.nextInt(20));
            ArrayNode row = cost.addArray();
            for (int j = 0; j < n; j++) row.add(1 + random.nextInt(100));
        }
        return new Formulation("transport-" + n, "synthetic scale test", List.of(SetDecl.ofRange("P", 1, n), SetDecl.ofRange("M", 1, n)),
                List.of(new ParameterDecl("supply", null, List.of("P"), null, supply, null, null),
                        new ParameterDecl("demand", null, List.of("M"), null, demand, null, null),
                        new ParameterDecl("cost", null, List.of("P", "M"), null, cost, null, null)),
                List.of(VariableDecl.of("ship", List.of("P", "M"), VariableType.CONTINUOUS)),
                Objective.minimize("sum(cost[p, m] * ship[p, m] for p in P for m in M)"),
                List.of(ConstraintDecl.of("supply_limit", "p in P", "sum(ship[p, m] for m in M) <= supply[p]"),
                        ConstraintDecl.of("demand_met", "m in M", "sum(ship[p, m] for p in P) >= demand[m]")));
    }
}
