package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's "this answer is wrong": the problem, what the agent answered, and what the user says instead (a reason, an
 * expected objective value, or a corrected formulation they re-solved). It joins the learning loop as a task whose
 * gold is the expected value; what it teaches starts as a candidate.
 *
 * @param state   {@code pending} (waiting to be learned from), {@code learned}, {@code unverified}, {@code needs-gold},
 *                {@code confirmed} (the user marked the answer right; kept, not learned from)
 * @param outcome what learning made of it (the insight id, or why nothing was kept)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackCase(String id, String created, String problem, Double answered, String reason, Double expected,
                           String formulation, String state, String outcome) {

    public FeedbackCase with(String nextState, String nextOutcome) {
        return new FeedbackCase(id, created, problem, answered, reason, expected, formulation, nextState, nextOutcome);
    }
}
