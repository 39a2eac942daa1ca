package dev.optagent.workflow.train;

import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.optoprime.SuggestionCheck;
import dev.optagent.workflow.param.Parameter;

import java.util.List;
import java.util.Map;

/** A knob step: the knob search proposes values for the trainable non-text parameters; the same checks apply. */
final class KnobProposer {

    private final KnobSearch search;
    private final SuggestionCheck check;
    private final List<Parameter> space;

    KnobProposer(KnobSearch search, SuggestionCheck check, List<String> trainable) {
        this.search = search;
        this.check = check;
        this.space = KnobSearch.knobs(trainable);
    }

    Proposal propose(int step, Workflow current) {
        Map<String, Object> raw = search.ask(current, space, step);
        SuggestionCheck.Result checked = check.check(current, raw);
        return new Proposal("knobs", List.of(), null, null, null, raw, checked.refused(), checked.accepted(), 0, 0, 0, null, 0);
    }
}
