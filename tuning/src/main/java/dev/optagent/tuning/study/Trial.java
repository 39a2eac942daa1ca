package dev.optagent.tuning.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.tuning.space.Configuration;

import java.time.Instant;

/**
 * One evaluation of one configuration.
 *
 * @param number  0, 1, 2, ... in the order asked
 * @param source  where the configuration came from: sobol, random, lhs, llm, ei, ucb, user
 * @param value   the measured value (COMPLETE only)
 * @param message why a trial failed, in the evaluator's words
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trial(int number, Configuration config, TrialState state, Double value, String source, String message,
                    Instant askedAt, Instant finishedAt) {

    public enum TrialState { PENDING, COMPLETE, FAILED }

    public static Trial pending(int number, Configuration config, String source) {
        return new Trial(number, config, TrialState.PENDING, null, source, null, Instant.now(), null);
    }

    public Trial complete(double measured) {
        if (!Double.isFinite(measured)) throw new IllegalArgumentException("trial " + number + ": the value " + measured
                + " is not a finite number; report a failed trial instead");
        return new Trial(number, config, TrialState.COMPLETE, measured, source, null, askedAt, Instant.now());
    }

    public Trial fail(String reason) {
        return new Trial(number, config, TrialState.FAILED, null, source, reason, askedAt, Instant.now());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }
}
