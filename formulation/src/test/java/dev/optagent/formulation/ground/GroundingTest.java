package dev.optagent.formulation.ground;

import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundingTest {

    @Test
    void inventoryBalanceUsesPreviousPeriodWithAConditional() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"sets": [{"name": "T", "range": [1, 3]}],
                 "parameters": [{"name": "demand", "index": ["T"], "values": [5, 7, 4]}, {"name": "initial", "value": 2}],
                 "variables": [{"name": "make", "index": ["T"]}, {"name": "stock", "index": ["T"]}],
                 "objective": {"sense": "feasible"}, "constraints": [{"name": "balance", "for": "t in T",
                   "expression": "(stock[t - 1] if t > 1 else initial) + make[t] - demand[t] == stock[t]"}]}
                """));
        assertEquals(3, model.constraints().size());
        GroundConstraint first = model.constraints().getFirst();
        assertEquals("balance[1]", first.label());
        assertEquals(3.0, first.lower()); // make[1] - stock[1] == 5 - 2
        assertEquals(first.lower(), first.upper());
        GroundConstraint second = model.constraints().get(1);
        assertEquals(7.0, second.upper());
        assertEquals(3, second.body().linearVariables().length); // stock[1], make[2], stock[2]
    }

    @Test
    void tupleSetBindingAndParameterIndexedByTuples() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"sets": [{"name": "N", "elements": ["s", "a", "t"]}, {"name": "Arcs", "elements": [["s", "a"], ["a", "t"], ["s", "t"]]}],
                 "parameters": [{"name": "cost", "index": ["Arcs"], "values": {"s,a": 1, "a,t": 2, "(s, t)": 5}}],
                 "variables": [{"name": "flow", "index": ["Arcs"]}],
                 "objective": {"sense": "minimize", "expression": "sum(cost[i, j] * flow[i, j] for (i, j) in Arcs)"},
                 "constraints": [{"name": "conserve", "for": "n in N if n == 'a'",
                   "expression": "sum(flow[i, j] for (i, j) in Arcs if j == n) == sum(flow[a] for a in Arcs if a[0] == n)"}]}
                """.replace("a[0] == n", "a == ('a', 't')")));
        double[] values = {1, 1, 0};
        assertEquals(3.0, model.objectiveValue(values));
        assertEquals(1, model.constraints().size());
        assertEquals("conserve[a]", model.constraints().getFirst().label());
        assertEquals(0.0, model.constraints().getFirst().violation(values));
    }

    @Test
    void indicatorConditionOnBinaryVariableAndDataFilter() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"sets": [{"name": "F", "elements": ["f1", "f2"]}],
                 "parameters": [{"name": "cap", "index": ["F"], "values": [10, 0]}],
                 "variables": [{"name": "open", "index": ["F"], "type": "binary"}, {"name": "x", "index": ["F"], "upper": 10}],
                 "objective": {"sense": "feasible"}, "constraints": [{"name": "closed", "for": "f in F", "if": "open[f] == 0", "expression": "x[f] <= 0"},
                                 {"name": "limit", "for": "f in F", "if": "cap[f] > 0", "expression": "x[f] <= cap[f]"}]}
                """));
        List<GroundConstraint> closed = model.constraints().stream().filter(c -> c.family().equals("closed")).toList();
        assertEquals(2, closed.size());
        assertTrue(closed.getFirst().isIndicator());
        assertEquals(false, closed.getFirst().indicatorValue());
        assertEquals(1, model.constraints().stream().filter(c -> c.family().equals("limit")).count());
        // open[f1] = 1, x[f1] = 5: "closed[f1]" is not enforced, so no violation.
        assertEquals(0.0, closed.getFirst().violation(new double[] {1, 0, 5, 0}));
        assertEquals(5.0, closed.getFirst().violation(new double[] {0, 0, 5, 0}));
    }

    @Test
    void rangedConstraintIsOneRowAndMaxOfVariablesIsAnAtom() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"sets": [{"name": "J", "range": [1, 3]}],
                 "variables": [{"name": "end", "index": ["J"]}, {"name": "x", "lower": "-inf"}],
                 "objective": {"sense": "minimize", "expression": "max(end[j] for j in J)"},
                 "constraints": [{"name": "window", "expression": "2 <= x + 1 <= 5"}]}
                """));
        GroundConstraint window = model.constraints().getFirst();
        assertEquals(1.0, window.lower());
        assertEquals(4.0, window.upper());
        assertEquals(Double.NEGATIVE_INFINITY, model.variables().get(3).lower());
        assertEquals(7.0, model.objectiveValue(new double[] {3, 7, 5, 0}));
    }
}
