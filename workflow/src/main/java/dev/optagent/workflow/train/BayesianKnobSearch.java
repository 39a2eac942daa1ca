package dev.optagent.workflow.train;

import dev.optagent.tuning.Optimizer;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.space.BooleanParameter;
import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.IntParameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.StudySettings;
import dev.optagent.tuning.study.Trial;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The knob search as Bayesian optimization: the tuning module's {@link Optimizer} (Gaussian process, expected
 * improvement) over the trainable non-text knobs (temperatures, samples, repair rounds, flags, choices), its first
 * proposals from a Sobol sequence or the language model's warm start, maximising a {@link KnobObjective} (accuracy
 * less a price per call). Each proposal sets every knob of the space.
 *
 * <p>With a study file (the trainer's run directory) every ask and tell is persisted, so the warm start is never
 * asked twice and a resumed run proposes what the uninterrupted one would. The trainer tells every recorded knob step
 * again on resume; a step the study already holds is recognised and not counted twice. A proposal the trainer's
 * checks refused (its values do not reach the scored workflow) is recorded as failed, and the workflow that was
 * scored instead is recorded with its own value.
 */
public final class BayesianKnobSearch implements KnobSearch {

    private final SearchSpace space;
    private final List<Parameter> knobs;
    private final InitialDesign design;
    private final int initialTrials;
    private final long seed;
    private final KnobObjective objective;
    private final StudyFile file;
    private Optimizer optimizer;

    /**
     * @param knobs         the knobs searched ({@link KnobSearch#knobs}); never text parameters
     * @param design        where the first proposals come from: {@code InitialDesign.sobol()} or an {@code LlmWarmStart}
     * @param initialTrials proposals from the design before the GP takes over
     * @param studyFile     where the study is kept (resumed when it exists); null keeps it in memory
     */
    public BayesianKnobSearch(List<Parameter> knobs, InitialDesign design, int initialTrials, long seed, KnobObjective objective,
                              Path studyFile) {
        if (knobs.isEmpty()) throw new IllegalArgumentException("no knob to search: the trainable parameters are all text");
        this.knobs = List.copyOf(knobs);
        this.space = new SearchSpace(this.knobs.stream().map(BayesianKnobSearch::parameter).toList());
        this.design = design;
        this.initialTrials = initialTrials;
        this.seed = seed;
        this.objective = objective;
        this.file = studyFile == null ? null : new StudyFile(studyFile);
    }

    /** What is tuned, in words the language model's warm start can act on; the hand-tuned defaults are the context. */
    public static ProblemDescription description(List<Parameter> knobs, KnobObjective objective) {
        String defaults = knobs.stream().map(p -> p.name() + " = " + p.defaultValue()).collect(Collectors.joining(", "));
        return new ProblemDescription("the numeric knobs of OptAgent's agent, in which a language model reads an optimization problem"
                + " in words, writes a declarative formulation, has it checked and solved, and repairs it from the solver's findings;"
                + " each trial runs the agent on a fixed validation sample of benchmark problems", objective.describe(), Direction.MAXIMIZE,
                "The hand-tuned defaults are " + defaults + ". More samples and repair rounds cost LLM calls.");
    }

    public SearchSpace space() {
        return space;
    }

    @Override
    public synchronized Map<String, Object> ask(Workflow current, List<Parameter> offered, int step) {
        Optimizer o = optimizer();
        // A proposal asked and never told is the step a killed run is repeating: propose it again.
        Trial trial = o.study().trials().stream().filter(t -> t.state() == Trial.TrialState.PENDING).reduce((a, b) -> b)
                .orElseGet(o::ask);
        Map<String, Object> proposal = new LinkedHashMap<>();
        for (Parameter p : knobs) {
            if (!offered.contains(p)) continue;
            Object value = trial.config().get(p.name());
            proposal.put(p.name(), p.type() == ParameterType.INTEGER ? (Object) ((Number) value).intValue() : value);
        }
        return proposal;
    }

    @Override
    public void tell(Map<String, Object> proposal, double score) {
        // Everything arrives through tell(applied, scored, score): a proposal alone does not say what was scored.
    }

    @Override
    public synchronized void tell(Map<String, Object> applied, Workflow scored, ValidationScore score) {
        Optimizer o = optimizer();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : knobs) values.put(p.name(), scored.value(p.name()));
        Configuration config = space.validate(values);
        double value = objective.value(score);
        List<Trial> trials = o.study().trials();
        for (Trial t : trials) {
            if (t.config().sameAs(config)) {
                if (t.state() == Trial.TrialState.PENDING) o.tell(t.number(), value);
                return; // a step the study holds already (told again on resume)
            }
        }
        for (Trial t : trials) {
            if (t.state() == Trial.TrialState.PENDING) o.tellFailure(t.number(), "refused by the trainer's checks; the workflow as it stood was scored");
        }
        o.tell(config, value);
    }

    /** The study as it stands (trials, best, warm-start exchanges), for reports and tests. */
    public synchronized Study study() {
        return optimizer().study();
    }

    private Optimizer optimizer() {
        if (optimizer != null) return optimizer;
        if (file != null && file.exists()) {
            Optimizer resumed = Optimizer.resume(file, design);
            if (!resumed.space().equals(space)) {
                throw new IllegalArgumentException(file.path() + " holds a knob study over other knobs; use another --run-dir or the same --trainable");
            }
            optimizer = resumed;
        } else {
            Optimizer.Builder b = Optimizer.builder(space).name("knobs").description(description(knobs, objective)).initialDesign(design)
                    .settings(new StudySettings(design.name(), initialTrials, null, seed, 0));
            if (file != null) b.studyFile(file);
            optimizer = b.build();
        }
        return optimizer;
    }

    private static dev.optagent.tuning.space.Parameter parameter(Parameter p) {
        return switch (p.type()) {
            case NUMBER -> new FloatParameter(p.name(), p.min(), p.max(), false, p.description(), null);
            case INTEGER -> new IntParameter(p.name(), p.min().longValue(), p.max().longValue(), false, p.description(), null);
            case BOOLEAN -> new BooleanParameter(p.name(), p.description(), null);
            case CHOICE -> new CategoricalParameter(p.name(), p.choices(), p.description(), null);
            case TEXT -> throw new IllegalArgumentException(p.name() + " is text; the knob search moves numbers, flags and choices");
        };
    }
}
