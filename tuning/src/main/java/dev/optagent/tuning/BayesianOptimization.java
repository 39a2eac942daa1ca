package dev.optagent.tuning;

import dev.optagent.tuning.acquisition.CandidateSampler;
import dev.optagent.tuning.bench.Objective;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.llm.ChatCall;
import dev.optagent.tuning.llm.LlmCandidateSampler;
import dev.optagent.tuning.llm.LlmWarmStart;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.Trial;

import java.nio.file.Path;

/**
 * The SDK's one-call form of {@link Optimizer}: give a space and a Java objective, get the study back.
 * <pre>{@code
 * Study s = BayesianOptimization.over(space).maximize().trials(40).studyFile(Path.of("my.study.json"))
 *         .run(config -> measure(config));
 * }</pre>
 * An objective that throws records a failed trial and the search goes on. With a study file, a run that was killed
 * resumes where it stopped when started again with the same file.
 */
public final class BayesianOptimization {

    private final SearchSpace space;
    private ProblemDescription description = ProblemDescription.minimise("", "");
    private int trials = 30;
    private int initialTrials = 8;
    private long seed;
    private InitialDesign design = InitialDesign.sobol();
    private Path studyFile;
    private CandidateSampler sampler;

    private BayesianOptimization(SearchSpace space) {
        this.space = space;
    }

    public static BayesianOptimization over(SearchSpace space) {
        return new BayesianOptimization(space);
    }

    public BayesianOptimization maximize() {
        description = new ProblemDescription(description.subject(), description.metric(), Direction.MAXIMIZE, description.context());
        return this;
    }

    /** What is tuned, for the report and for the language model's warm start. */
    public BayesianOptimization description(ProblemDescription description) {
        this.description = description;
        return this;
    }

    public BayesianOptimization trials(int trials) {
        this.trials = trials;
        return this;
    }

    public BayesianOptimization initialTrials(int initialTrials) {
        this.initialTrials = initialTrials;
        return this;
    }

    public BayesianOptimization seed(long seed) {
        this.seed = seed;
        return this;
    }

    public BayesianOptimization initialDesign(InitialDesign design) {
        this.design = design;
        return this;
    }

    /** The language model proposes the initial trials (LLAMBO warm start); see {@link ChatCall#fromEnvironment}. */
    public BayesianOptimization warmStart(ChatCall model) {
        this.design = new LlmWarmStart(model, 3);
        return this;
    }

    /**
     * Opt-in: after the initial design, the language model also proposes candidates aimed a little past the best
     * (LLAMBO's target-conditioned sampler, prompt {@code tuning-candidates@1}) on every other trial, the GP's EI picking
     * the most promising of them. One model call per such trial or more: mind the cost.
     */
    public BayesianOptimization candidateSampler(ChatCall model) {
        this.sampler = new LlmCandidateSampler(model, 2);
        return this;
    }

    public BayesianOptimization studyFile(Path file) {
        this.studyFile = file;
        return this;
    }

    public Study run(Objective objective) {
        Optimizer optimizer;
        StudyFile file = studyFile == null ? null : new StudyFile(studyFile);
        if (file != null && file.exists()) {
            optimizer = Optimizer.resume(file, design, sampler, CandidateSampler.DEFAULT_CANDIDATES, CandidateSampler.DEFAULT_ALPHA);
        } else {
            Optimizer.Builder b = Optimizer.builder(space).description(description).initialDesign(design)
                    .initialTrials(initialTrials).seed(seed);
            if (file != null) b.studyFile(file);
            if (sampler != null) b.candidateSampler(sampler, CandidateSampler.DEFAULT_CANDIDATES, CandidateSampler.DEFAULT_ALPHA);
            optimizer = b.build();
        }
        for (Trial t : optimizer.study().trials()) if (t.state() == Trial.TrialState.PENDING) evaluate(optimizer, t, objective);
        while (optimizer.study().trials().size() < trials) evaluate(optimizer, optimizer.ask(), objective);
        return optimizer.study();
    }

    private static void evaluate(Optimizer optimizer, Trial trial, Objective objective) {
        double value;
        try {
            value = objective.evaluate(trial.config());
        } catch (Exception e) {
            optimizer.tellFailure(trial.number(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return;
        }
        if (Double.isFinite(value)) optimizer.tell(trial, value);
        else optimizer.tellFailure(trial.number(), "the objective returned " + value);
    }
}
