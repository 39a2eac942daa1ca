package dev.optagent.agent.pipeline;

import dev.optagent.formulation.Formulation;

/** A follow-up turn: the formulation a conversation holds and the planner's requested change. */
public record Revision(Formulation current, String request) {

    public Revision {
        if (current == null) throw new IllegalArgumentException("a revision needs the current formulation");
        if (request == null || request.isBlank()) throw new IllegalArgumentException("the requested change is empty");
    }
}
