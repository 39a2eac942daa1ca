package dev.optagent.workflow.train;

import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.param.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The default knob search: changes one or two knobs at random within their ranges (seeded by the step, so a
 * resumed run proposes the same). It ignores what it is told; it is the baseline a Bayesian optimizer must beat.
 */
public final class RandomKnobSearch implements KnobSearch {

    private final long seed;

    public RandomKnobSearch(long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, Object> ask(Workflow current, List<Parameter> space, int step) {
        Random random = new Random(seed * 1_000_003L + step);
        List<Parameter> pool = new ArrayList<>(space);
        java.util.Collections.shuffle(pool, random);
        Map<String, Object> proposal = new LinkedHashMap<>();
        for (Parameter p : pool.subList(0, Math.min(pool.size(), 1 + random.nextInt(2)))) {
            Object value = switch (p.type()) {
                case NUMBER -> Math.round((p.min() + random.nextDouble() * (p.max() - p.min())) * 10) / 10.0;
                case INTEGER -> (int) (p.min() + random.nextInt((int) (p.max() - p.min()) + 1));
                case BOOLEAN -> !(Boolean) current.value(p.name());
                case CHOICE -> p.choices().get(random.nextInt(p.choices().size()));
                case TEXT -> null;
            };
            if (value != null && !value.equals(current.value(p.name()))) proposal.put(p.name(), value);
        }
        return proposal;
    }

    @Override
    public void tell(Map<String, Object> proposal, double score) {
        // random search keeps no model
    }
}
