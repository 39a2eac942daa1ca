package dev.optagent.tuning.bench;

import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.ProblemDescription;

/**
 * A benchmark: a space, an objective, and what an expert would be told about it (not the formula), which is what
 * the language model's warm start sees.
 *
 * @param optimum the known best value, or NaN
 * @param target  the value whose first reach is counted ("trials to target")
 */
public record BenchmarkTask(String name, SearchSpace space, Objective objective, ProblemDescription description,
                            double optimum, double target) { }
