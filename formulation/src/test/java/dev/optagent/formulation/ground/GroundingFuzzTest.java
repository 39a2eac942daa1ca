package dev.optagent.formulation.ground;

import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.Objective;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated expressions over a real formulation must ground or fail with {@link FormulationException}
 * (diagnostics for the LLM), never with an internal exception such as a ClassCastException.
 */
class GroundingFuzzTest {

    private static final String BASE = """
            {"sets": [{"name": "I", "elements": ["a", "b", "c"]}, {"name": "T", "range": [1, 3]},
                      {"name": "Arcs", "elements": [["a", "b"], ["b", "c"]]}],
             "parameters": [{"name": "w", "index": ["I"], "values": [1, 2, 3]}, {"name": "d", "index": ["T"], "values": [4, 5, 6]},
                            {"name": "c", "index": ["Arcs"], "values": [7, 8]}, {"name": "k", "value": 2}],
             "variables": [{"name": "x", "index": ["I", "T"], "upper": 10}, {"name": "y", "index": ["I"], "type": "binary"},
                           {"name": "f", "index": ["Arcs"]}, {"name": "z", "lower": "-inf"}]}
            """;

    private static final String[] PIECES = {
        "x[i, t]", "x[i, t - 1]", "y[i]", "f[i, j]", "f[a]", "w[i]", "d[t]", "c[a]", "k", "z", "'a'", "3", "0.5", "t",
        "i", "a", "sum(", "max(", "min(", "abs(", "exp(", "len(I)", " for i in I", " for t in T", " for (i, j) in Arcs",
        " for a in Arcs", " if t > 1", " if i != 'b'", ")", "(", "[", "]", ",", " + ", " - ", " * ", " / ", " ** ", " <= ",
        " >= ", " == ", " and ", " or ", " not ", " if ", " else ", " in I", "x", "w", "I", "T", "y[i] * x[i, t]"
    };

    @Test
    void mutatedExpressionsGroundOrGiveDiagnostics() {
        Formulation base = FormulationJson.parse(BASE);
        SplittableRandom random = new SplittableRandom(5);
        for (int round = 0; round < 4_000; round++) {
            String objective = soup(random);
            String constraint = soup(random) + (random.nextBoolean() ? " <= " + soup(random) : "");
            String forall = random.nextInt(3) == 0 ? null : List.of("i in I", "t in T", "i in I, t in T if t > 1", "(i, j) in Arcs", "a in Arcs").get(random.nextInt(5));
            String condition = random.nextInt(4) == 0 ? List.of("y[i] == 1", "t > 1", "y[i]", "x[i, t] == 1", "not y[i]").get(random.nextInt(5)) : null;
            Formulation mutated = base.withObjective(Objective.minimize(objective))
                    .withConstraints(List.of(new ConstraintDecl("c1", null, forall, condition, constraint)));
            try {
                GroundModel.of(mutated);
            } catch (FormulationException expected) {
                // a structured answer
            } catch (RuntimeException | StackOverflowError e) {
                fail("objective '" + objective + "', constraint '" + constraint + "' for '" + forall + "' if '" + condition + "' threw " + e, e);
            }
        }
    }

    private static String soup(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(7);
        for (int k = 0; k < pieces; k++) text.append(PIECES[random.nextInt(PIECES.length)]);
        return text.toString();
    }
}
