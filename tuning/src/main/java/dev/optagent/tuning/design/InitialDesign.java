package dev.optagent.tuning.design;

import dev.optagent.tuning.space.Configuration;

import java.util.List;

/**
 * Where the first trials come from, before the surrogate has data: random, Sobol, Latin hypercube, or the
 * language model's proposals ({@code dev.optagent.tuning.llm.LlmWarmStart}).
 */
public interface InitialDesign {

    /** Short name recorded as each trial's source: {@code random}, {@code sobol}, {@code lhs}, {@code llm}. */
    String name();

    /** {@code count} configurations (fewer only when the space has fewer distinct points). */
    Proposal propose(DesignContext context, int count);

    static InitialDesign random() {
        return new UnitCubeDesign("random", UnitCubeDesign::randomPoints);
    }

    static InitialDesign sobol() {
        return new UnitCubeDesign("sobol", (dimension, count, random) -> new SobolSequence(dimension, random).next(count));
    }

    static InitialDesign latinHypercube() {
        return new UnitCubeDesign("lhs", UnitCubeDesign::latinHypercube);
    }

    /** By name, for the command line and the API: random, sobol, lhs. */
    static InitialDesign named(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> random();
            case "sobol" -> sobol();
            case "lhs", "latin-hypercube" -> latinHypercube();
            default -> throw new IllegalArgumentException("unknown initial design '" + name + "'; expected random, sobol, lhs or llm");
        };
    }
}
