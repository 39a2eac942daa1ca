package dev.optagent.tuning.design;

import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.ProblemDescription;

/** What a design may use: the space, the plain-language description (for the LLM) and the study's seed. */
public record DesignContext(SearchSpace space, ProblemDescription description, long seed) { }
