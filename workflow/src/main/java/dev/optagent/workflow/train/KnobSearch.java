package dev.optagent.workflow.train;

import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import dev.optagent.workflow.param.ParameterType;

import java.util.List;
import java.util.Map;

/**
 * The seam for searching the numeric knobs (temperatures, rounds, samples, flags) by ask/tell, as a Bayesian
 * optimizer does: the trainer asks for a proposal on knob steps, scores it on the validation sample and tells
 * the score. The default is a seeded random search; a real optimizer (the tuning module's) plugs in here.
 * On resume the trainer tells every recorded knob trial again before asking, so a search can rebuild its state.
 */
public interface KnobSearch {

    /**
     * @param space the knobs that may change (never text parameters)
     * @param step  the trainer's step number, for a reproducible proposal
     * @return new values for some knobs; empty when there is nothing to propose
     */
    Map<String, Object> ask(Workflow current, List<Parameter> space, int step);

    /** The validation result of a proposal ({@link ValidationScore#scalar()}, higher is better). */
    void tell(Map<String, Object> proposal, double score);

    /**
     * The outcome of a knob step with what a model-based search needs: the workflow that was scored (the candidate;
     * the current workflow when nothing was applied, scored as it stands) and its whole validation score. The
     * default tells {@link #tell(Map, double)} the applied changes and the scalar, and nothing when none applied.
     */
    default void tell(Map<String, Object> applied, Workflow scored, ValidationScore score) {
        if (!applied.isEmpty()) tell(applied, score.scalar());
    }

    /** The knobs a search may move: the trainable parameters that are not text, in the registry's order. */
    static List<Parameter> knobs(List<String> trainable) {
        return ParameterRegistry.defaults().all().stream().filter(p -> p.type() != ParameterType.TEXT && trainable.contains(p.name())).toList();
    }
}
