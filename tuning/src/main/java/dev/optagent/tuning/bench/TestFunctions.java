package dev.optagent.tuning.bench;

import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.Parameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The standard synthetic test functions of the Bayesian-optimization literature, with the usual domains and
 * known optima. Each description is what a practitioner would know about such a response surface (smoothness,
 * number of basins, where good regions tend to be), never the formula.
 */
public final class TestFunctions {

    private TestFunctions() {
    }

    public static List<String> names() {
        return List.of("branin", "hartmann6", "rosenbrock4", "ackley5");
    }

    public static BenchmarkTask named(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace("-", "")) {
            case "branin" -> branin();
            case "hartmann6" -> hartmann6();
            case "rosenbrock4", "rosenbrock" -> rosenbrock(4);
            case "ackley5", "ackley" -> ackley(5);
            default -> throw new IllegalArgumentException("unknown function '" + name + "'; expected one of "
                    + String.join(", ", names()) + " or solver");
        };
    }

    public static BenchmarkTask branin() {
        SearchSpace space = SearchSpace.of(
                new FloatParameter("x1", -5, 10, false, "first control setting", null),
                new FloatParameter("x2", 0, 15, false, "second control setting", null));
        Objective f = c -> {
            double x1 = c.number("x1");
            double x2 = c.number("x2");
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double t = 1 / (8 * Math.PI);
            return Math.pow(x2 - b * x1 * x1 + 5 / Math.PI * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        };
        return new BenchmarkTask("branin", space, f, new ProblemDescription(
                "two control settings of a simulated process, x1 in [-5, 10] and x2 in [0, 15]",
                "a cost (lower is better); the best achievable cost is a little under 0.4", Direction.MINIMIZE,
                "The cost surface is smooth and has three separate, equally good valleys: one at negative x1, one near the"
                        + " middle of the x1 range and one at high x1, each at a different level of x2. The worst costs, in"
                        + " the hundreds, are at low x1 with low x2 and at high x1 with high x2."),
                0.397887, 0.40);
    }

    private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
    private static final double[][] H_A = {
            {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
    private static final double[][] H_P = {
            {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};

    public static BenchmarkTask hartmann6() {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 1; i <= 6; i++) ps.add(new FloatParameter("x" + i, 0, 1, false, "mixture setting " + i + " (normalised)", null));
        Objective f = c -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 6; j++) inner += H_A[i][j] * Math.pow(c.number("x" + (j + 1)) - H_P[i][j], 2);
                sum += H_ALPHA[i] * Math.exp(-inner);
            }
            return -sum;
        };
        return new BenchmarkTask("hartmann6", new SearchSpace(ps), f, new ProblemDescription(
                "six normalised settings (each in [0, 1]) of a formulation whose response is a negative yield",
                "negative yield (lower is better); the best achievable is about -3.32, typical settings give about 0",
                Direction.MINIMIZE,
                "The response is a sum of a few narrow bumps: almost everywhere it is close to 0 and it drops sharply in"
                        + " four small regions, one of them much deeper than the others. The settings interact strongly."),
                -3.32237, -3.0);
    }

    public static BenchmarkTask rosenbrock(int dimension) {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 1; i <= dimension; i++) ps.add(new FloatParameter("x" + i, -5, 10, false, "coordinate " + i, null));
        Objective f = c -> {
            double sum = 0;
            for (int i = 1; i < dimension; i++) {
                double a = c.number("x" + i);
                double b = c.number("x" + (i + 1));
                sum += 100 * Math.pow(b - a * a, 2) + Math.pow(1 - a, 2);
            }
            return sum;
        };
        return new BenchmarkTask("rosenbrock" + dimension, new SearchSpace(ps), f, new ProblemDescription(
                dimension + " coupled coordinates, each in [-5, 10], of a calibration problem",
                "a misfit (lower is better, 0 is perfect)", Direction.MINIMIZE,
                "The misfit lies in a long, narrow, curved valley: each coordinate should be close to the square of the one"
                        + " before it. Large coordinates give misfits in the hundreds of thousands."),
                0, 1);
    }

    public static BenchmarkTask ackley(int dimension) {
        List<Parameter> ps = new ArrayList<>();
        for (int i = 1; i <= dimension; i++) ps.add(new FloatParameter("x" + i, -32.768, 32.768, false, "offset " + i, null));
        Objective f = c -> {
            double sq = 0;
            double cos = 0;
            for (int i = 1; i <= dimension; i++) {
                double x = c.number("x" + i);
                sq += x * x;
                cos += Math.cos(2 * Math.PI * x);
            }
            return -20 * Math.exp(-0.2 * Math.sqrt(sq / dimension)) - Math.exp(cos / dimension) + 20 + Math.E;
        };
        return new BenchmarkTask("ackley" + dimension, new SearchSpace(ps), f, new ProblemDescription(
                dimension + " offsets of an alignment, each in [-32.768, 32.768]", "an alignment error (lower is better, 0 is perfect)",
                Direction.MINIMIZE,
                "The error surface is a wide funnel covered with many small regular ripples (local minima about one unit"
                        + " apart). Far from the best alignment the error is a flat plateau near 21; it falls steeply only"
                        + " close to the single best alignment."),
                0, 1);
    }

    static double value(BenchmarkTask task, Configuration c) throws Exception {
        return task.objective().evaluate(c);
    }
}
