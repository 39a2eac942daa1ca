package dev.optagent.tuning.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.SearchSpace;

import java.util.List;
import java.util.Optional;

/**
 * Everything needed to resume a tuning run: the space, the description, the settings, every trial, the initial
 * design still to be asked, and the language model's exchanges (prompt and reply) behind a warm start and behind the
 * candidate sampler's proposals.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Study(int format, String name, ProblemDescription description, SearchSpace space, StudySettings settings,
                    List<Trial> trials,
                    // An exhausted design ([]) is written, not dropped: read back as null it would look undrawn and be drawn again.
                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Configuration> designQueue,
                    List<ModelExchange> warmStart, List<ModelExchange> samplerExchanges) {

    public static final int FORMAT = 1;

    public Study {
        trials = trials == null ? List.of() : List.copyOf(trials);
        designQueue = designQueue == null ? null : List.copyOf(designQueue);
        warmStart = warmStart == null ? List.of() : List.copyOf(warmStart);
        samplerExchanges = samplerExchanges == null ? List.of() : List.copyOf(samplerExchanges);
    }

    /** The best complete trial in the study's direction. */
    public Optional<Trial> best() {
        Direction direction = description.direction();
        Trial best = null;
        for (Trial t : trials) {
            if (t.isComplete() && (best == null || direction.better(t.value(), best.value()))) best = t;
        }
        return Optional.ofNullable(best);
    }

    /** Best value after each trial (null until the first complete one), in the study's direction. */
    public List<Double> bestSoFar() {
        Direction direction = description.direction();
        java.util.ArrayList<Double> out = new java.util.ArrayList<>();
        Double best = null;
        for (Trial t : trials) {
            if (t.isComplete() && (best == null || direction.better(t.value(), best))) best = t.value();
            out.add(best);
        }
        return out;
    }
}
