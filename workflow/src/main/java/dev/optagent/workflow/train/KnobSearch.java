package dev.optagent.workflow.train;

import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.param.Parameter;

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
}
