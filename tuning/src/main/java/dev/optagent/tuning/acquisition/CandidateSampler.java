package dev.optagent.tuning.acquisition;

import dev.optagent.tuning.design.DesignContext;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.study.Trial;

import java.util.List;

/**
 * A second source of candidates beside the acquisition search (LLAMBO's target-conditioned sampler): given the trials
 * so far and a target value a little better than the best, it proposes configurations expected to reach the target.
 * The optimizer scores them with the GP's acquisition beside its own choice and keeps the best, so the surrogate stays
 * the judge.
 */
public interface CandidateSampler {

    /** LLAMBO's α: the target is best − α × the range of the values seen. */
    double DEFAULT_ALPHA = 0.1;
    /** Candidates asked per sampler turn: fewer than LLAMBO's 10, to keep the model's cost per trial low. */
    int DEFAULT_CANDIDATES = 5;

    /** Recorded as the source of a trial it proposed. */
    String name();

    /**
     * @param trials every trial so far (complete, failed and pending)
     * @param best   the best value measured, in the metric's own terms
     * @param target the value to reach, in the metric's own terms
     */
    Proposal sample(DesignContext context, List<Trial> trials, double best, double target, int count);
}
