package dev.optagent.solvers.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optagent.solvers.SolveStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input suite: random structural and textual mutations of the shipped formulations, and random
 * small integer programs checked against enumeration. Properties: no exception escapes the path a user's file
 * takes, no message carries an internal name, and a proof status is given only when the truth agrees. Seeds are
 * fixed so CI is reproducible; tries come from {@code jqwik.tries.default} (300, junit-platform.properties), so
 * {@code -Djqwik.tries.default=N} with the same seeds is the longer benchmark run
 * (docs/reliability.md).
 */
class HostileInputProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> SHIPPED = shipped();

    private static List<JsonNode> shipped() {
        Path dir = Path.of("..", "datasets", "formulations");
        try (Stream<Path> files = Files.list(dir)) {
            List<JsonNode> documents = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) documents.add(JSON.readTree(file.toFile()));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- mutations of the shipped formulations ------------------------------------------------------------

    @Property(seed = "16016")
    void mutatedFormulationsAnswerInTheFormatsWordsAndNeverClaimAnUnbackedProof(
            @ForAll("documents") int document, @ForAll("mutations") List<Long> mutations) {
        JsonNode tree = SHIPPED.get(document % SHIPPED.size()).deepCopy();
        Random random = new Random(mutations.getFirst());
        for (long seed : mutations) tree = StructuralMutation.apply(tree, new Random(seed));
        byte[] bytes = tree.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(5) == 0) bytes = TextMutation.apply(bytes, random);
        HostileInput outcome = HostileInput.run(bytes);
        Statistics.collect(outcome.invalid() ? "INVALID" : outcome.status().name());
        assertFalse(outcome.leaksInternalNames(), outcome.messages());
        assertTrue(outcome.proofIsBacked(), () -> "unbacked " + outcome.status() + ": " + outcome.solution());
    }

    @Provide
    Arbitrary<Integer> documents() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<List<Long>> mutations() {
        return Arbitraries.longs().list().ofMinSize(1).ofMaxSize(4);
    }

    // ---- small integer programs against enumeration --------------------------------------------------------

    /** Up to 3 integer variables in [0, 3] and up to 3 rows with small integer data: 64 points at most. */
    record SmallProgram(int n, int[][] rows, int[] rhs, int[] senses, int[] objective, boolean maximize) {

        String json() {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ArrayNode variables = root.putArray("variables");
            for (int j = 0; j < n; j++) variables.addObject().put("name", "x" + j).put("type", "integer").put("lower", 0).put("upper", 3);
            root.putObject("objective").put("sense", maximize ? "maximize" : "minimize").put("expression", linear(objective));
            ArrayNode constraints = root.putArray("constraints");
            for (int i = 0; i < rows.length; i++) {
                String op = senses[i] == 0 ? "<=" : senses[i] == 1 ? ">=" : "==";
                constraints.addObject().put("name", "r" + i).put("expression", linear(rows[i]) + " " + op + " " + rhs[i]);
            }
            return root.toString();
        }

        private String linear(int[] coefficients) {
            StringBuilder text = new StringBuilder("0");
            for (int j = 0; j < n; j++) text.append(" + ").append(coefficients[j]).append(" * x").append(j);
            return text.toString();
        }

        /** The truth by enumeration: null when infeasible, else the optimal objective value. */
        Double enumerate() {
            Double best = null;
            int points = (int) Math.pow(4, n);
            for (int p = 0; p < points; p++) {
                int[] x = new int[n];
                for (int j = 0, rest = p; j < n; j++, rest /= 4) x[j] = rest % 4;
                boolean feasible = true;
                for (int i = 0; i < rows.length && feasible; i++) {
                    int lhs = 0;
                    for (int j = 0; j < n; j++) lhs += rows[i][j] * x[j];
                    feasible = senses[i] == 0 ? lhs <= rhs[i] : senses[i] == 1 ? lhs >= rhs[i] : lhs == rhs[i];
                }
                if (!feasible) continue;
                double value = 0;
                for (int j = 0; j < n; j++) value += objective[j] * x[j];
                if (best == null || (maximize ? value > best : value < best)) best = value;
            }
            return best;
        }
    }

    @Property(seed = "120120")
    void smallIntegerProgramsGetTheStatusAndObjectiveEnumerationProves(@ForAll("programs") SmallProgram program) {
        Double truth = program.enumerate();
        HostileInput outcome = HostileInput.run(program.json().getBytes(StandardCharsets.UTF_8));
        Statistics.collect(truth == null ? "infeasible" : "optimal");
        assertFalse(outcome.invalid(), outcome.messages());
        if (truth == null) {
            assertEquals(SolveStatus.INFEASIBLE, outcome.status(), program.json());
        } else {
            assertEquals(SolveStatus.OPTIMAL, outcome.status(), program.json());
            assertEquals(truth, outcome.objective(), 1e-6, program.json());
        }
    }

    @Provide
    Arbitrary<SmallProgram> programs() {
        return Arbitraries.integers().between(1, 3).flatMap(n -> Arbitraries.integers().between(1, 3).flatMap(m -> {
            Arbitrary<int[]> row = Arbitraries.integers().between(-5, 5).array(int[].class).ofSize(n);
            return Combinators.combine(row.array(int[][].class).ofSize(m),
                    Arbitraries.integers().between(-5, 10).array(int[].class).ofSize(m),
                    Arbitraries.integers().between(0, 2).array(int[].class).ofSize(m),
                    row, Arbitraries.of(true, false))
                    .as((rows, rhs, senses, objective, maximize) -> new SmallProgram(n, rows, rhs, senses, objective, maximize));
        }));
    }
}
