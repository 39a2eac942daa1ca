package dev.optagent.workflow.train;

import dev.optagent.workflow.optoprime.ContextBudget;

import java.time.Duration;
import java.util.List;

/**
 * @param batchSize   training problems per step (the minibatch the optimizer reads)
 * @param maxSteps    steps at most
 * @param budgetCalls LLM calls at most, agent and optimizer together (0 = no limit)
 * @param budgetWall  wall time at most, summed over resumed sessions (null = no limit)
 * @param patience    stop after this many steps in a row without an accepted candidate
 * @param seed        seeds the minibatches and the knob search
 * @param context     the optimizer prompt's token budget
 * @param trainable   the parameters the optimizer may change
 * @param knobEvery   every n-th step asks the knob search instead of OptoPrime (0 = never)
 * @param memory      how many earlier candidates the optimizer's prompt shows
 * @param mineFailures an OptoPrime step runs further minibatches (up to {@link #MINING_SLICES} in all) until its runs
 *                    hold at least this many failures, and shows the optimizer the failures first (0 = one minibatch)
 * @param minGain     a candidate is accepted only with at least this many more strict-correct validation answers than
 *                    the current workflow (1 = any gain; or as many at {@link ValidationScore#COST_MARGIN} fewer tokens
 *                    when this is 1). One problem of 30 is within the run-to-run noise of a real model, so 2 is safer.
 */
public record TrainerOptions(int batchSize, int maxSteps, int budgetCalls, Duration budgetWall, int patience, long seed,
                             ContextBudget context, List<String> trainable, int knobEvery, int memory, int mineFailures,
                             int minGain) {

    /** Minibatches a step runs at most while mining failures. */
    public static final int MINING_SLICES = 4;

    /** Without failure mining: one minibatch per step, shown as it came. */
    public TrainerOptions(int batchSize, int maxSteps, int budgetCalls, Duration budgetWall, int patience, long seed,
                          ContextBudget context, List<String> trainable, int knobEvery, int memory) {
        this(batchSize, maxSteps, budgetCalls, budgetWall, patience, seed, context, trainable, knobEvery, memory, 0, 1);
    }

    public TrainerOptions {
        if (batchSize < 1) throw new IllegalArgumentException("--batch must be at least 1");
        if (maxSteps < 1) throw new IllegalArgumentException("--steps must be at least 1");
        if (patience < 1) throw new IllegalArgumentException("--patience must be at least 1");
        if (minGain < 1) throw new IllegalArgumentException("--min-gain must be at least 1");
        if (mineFailures < 0 || mineFailures > batchSize) throw new IllegalArgumentException("--mine-failures must be between 0 and --batch");
        trainable = List.copyOf(trainable);
        if (trainable.isEmpty()) throw new IllegalArgumentException("no trainable parameter");
    }
}
