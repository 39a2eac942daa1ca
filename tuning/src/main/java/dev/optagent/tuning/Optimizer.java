package dev.optagent.tuning;

import dev.optagent.tuning.acquisition.Acquisition;
import dev.optagent.tuning.acquisition.AcquisitionSearch;
import dev.optagent.tuning.acquisition.CandidateSampler;
import dev.optagent.tuning.design.DesignContext;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.gp.GaussianProcess;
import dev.optagent.tuning.gp.GpFitter;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.StudySettings;
import dev.optagent.tuning.study.Trial;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Bayesian optimization by ask and tell: {@link #ask()} gives a configuration to evaluate, {@link #tell} records what
 * it measured. The first trials come from the initial design (random, Sobol, Latin hypercube or the language
 * model's warm start); after that a Gaussian process fitted to every finished trial picks the configuration of
 * highest expected improvement (or UCB). Failed trials count as the worst value seen, so the search leaves their
 * region; trials asked but not yet told are believed at the GP's mean (kriging believer), so a batch of asks spreads
 * out. With a {@link StudyFile}, every ask and tell is written atomically and {@link #resume} continues after a crash.
 * Thread-safe.
 */
public final class Optimizer {

    private final SearchSpace space;
    private final ProblemDescription description;
    private final StudySettings settings;
    private final InitialDesign design;
    private final StudyFile file;
    private final String name;
    private final GpFitter fitter;
    private final AcquisitionSearch search = AcquisitionSearch.defaults();
    private final List<Trial> trials = new ArrayList<>();
    private List<Configuration> designQueue;
    private final List<ModelExchange> warmStart = new ArrayList<>();
    private final CandidateSampler sampler;
    private final int samplerCandidates;
    private final double samplerAlpha;
    private final List<ModelExchange> samplerExchanges = new ArrayList<>();

    private Optimizer(Builder b, Study resumed) {
        this.space = b.space;
        this.description = b.description;
        this.settings = b.settings;
        this.design = b.design;
        this.file = b.file;
        this.name = b.name;
        this.fitter = new GpFitter(2, settings.minNoise());
        this.sampler = b.sampler;
        this.samplerCandidates = b.samplerCandidates;
        this.samplerAlpha = b.samplerAlpha;
        if (resumed != null) {
            samplerExchanges.addAll(resumed.samplerExchanges());
            trials.addAll(resumed.trials());
            designQueue = resumed.designQueue() == null ? null : new ArrayList<>(resumed.designQueue());
            warmStart.addAll(resumed.warmStart());
        }
    }

    public static Builder builder(SearchSpace space) {
        return new Builder(space);
    }

    /**
     * Continues the study in {@code file}. {@code design} is only consulted if the study stopped before its
     * initial design was drawn (a warm start already made is read from the file, never asked again).
     */
    public static Optimizer resume(StudyFile file, InitialDesign design) {
        return resume(file, design, null, 0, 0);
    }

    /** {@link #resume(StudyFile, InitialDesign)} with a candidate sampler beside EI, as {@link Builder#candidateSampler}. */
    public static Optimizer resume(StudyFile file, InitialDesign design, CandidateSampler sampler, int candidates, double alpha) {
        Study study = file.load();
        Builder b = new Builder(study.space()).description(study.description()).settings(study.settings()).name(study.name())
                .initialDesign(design == null ? InitialDesign.named(study.settings().initialDesign().equals("llm") ? "sobol"
                        : study.settings().initialDesign()) : design);
        b.file = file;
        if (sampler != null) b.candidateSampler(sampler, candidates, alpha);
        return new Optimizer(b, study);
    }

    public SearchSpace space() {
        return space;
    }

    /** The next configuration to evaluate. */
    public synchronized Trial ask() {
        Trial trial = next();
        trials.add(trial);
        persist();
        return trial;
    }

    /**
     * Draws the initial design now instead of at the first ask (for the LLM warm start: asks the model now), so that
     * a failing model shows when the study is created. Nothing happens when it was drawn already.
     */
    public synchronized void prepare() {
        if (designQueue != null) return;
        drawDesign();
        persist();
    }

    /** q configurations to evaluate in parallel (each later one believes the earlier ones at the GP's mean). */
    public synchronized List<Trial> ask(int q) {
        List<Trial> batch = new ArrayList<>();
        for (int k = 0; k < q; k++) {
            Trial trial = next();
            trials.add(trial);
            batch.add(trial);
        }
        persist();
        return batch;
    }

    /** Records the value measured for a trial asked earlier. */
    public synchronized Trial tell(int trialNumber, double value) {
        Trial done = pendingTrial(trialNumber).complete(value);
        trials.set(trialNumber, done);
        persist();
        return done;
    }

    public Trial tell(Trial trial, double value) {
        return tell(trial.number(), value);
    }

    /**
     * Records a value for a configuration: the pending trial with the same values if there is one, otherwise a new
     * trial (source {@code user}) — how results measured outside the optimizer are added.
     */
    public synchronized Trial tell(Configuration config, double value) {
        Configuration valid = space.validate(config.values());
        for (Trial t : trials) {
            if (t.state() == Trial.TrialState.PENDING && t.config().sameAs(valid)) return tell(t.number(), value);
        }
        Trial added = Trial.pending(trials.size(), valid, "user").complete(value);
        trials.add(added);
        persist();
        return added;
    }

    /** Records that a trial crashed or timed out; it counts as the worst value seen. */
    public synchronized Trial tellFailure(int trialNumber, String reason) {
        Trial failed = pendingTrial(trialNumber).fail(reason == null || reason.isBlank() ? "failed" : reason);
        trials.set(trialNumber, failed);
        persist();
        return failed;
    }

    public synchronized Optional<Trial> best() {
        return study().best();
    }

    public synchronized Study study() {
        return new Study(Study.FORMAT, name, description, space, settings, trials, designQueue, warmStart, samplerExchanges);
    }

    private Trial pendingTrial(int number) {
        if (number < 0 || number >= trials.size()) throw new IllegalArgumentException("there is no trial " + number
                + " (the study has " + trials.size() + ")");
        Trial t = trials.get(number);
        if (t.state() != Trial.TrialState.PENDING) throw new IllegalArgumentException("trial " + number + " is already "
                + t.state().name().toLowerCase(java.util.Locale.ROOT));
        return t;
    }

    private Trial next() {
        int number = trials.size();
        SplittableRandom random = new SplittableRandom(new SplittableRandom(settings.seed()).nextLong() + 0x632BE59BD9B4E019L * number);
        if (designQueue == null) drawDesign();
        while (!designQueue.isEmpty()) {
            Configuration c = designQueue.remove(0);
            if (!taken(c)) return Trial.pending(number, c, design.name());
        }
        int designed = (int) trials.stream().filter(t -> t.source().equals(design.name())).count();
        List<Trial> finished = trials.stream().filter(Trial::isComplete).toList();
        if (finished.size() < 2 || designed < Math.min(settings.initialTrials(), 2)) return randomTrial(number, random);
        return bayesianTrial(number, random).orElseGet(() -> randomTrial(number, random));
    }

    private void drawDesign() {
        Proposal proposal = design.propose(new DesignContext(space, description, settings.seed()), settings.initialTrials());
        designQueue = new ArrayList<>(proposal.configurations());
        warmStart.addAll(proposal.exchanges());
    }

    private Optional<Trial> bayesianTrial(int number, SplittableRandom random) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double worst = trials.stream().filter(Trial::isComplete).mapToDouble(t -> description.direction().toLoss(t.value())).max().orElse(0);
        List<double[]> pending = new ArrayList<>();
        for (Trial t : trials) {
            switch (t.state()) {
                case COMPLETE -> {
                    x.add(space.features(t.config()));
                    y.add(description.direction().toLoss(t.value()));
                }
                case FAILED -> {
                    x.add(space.features(t.config()));
                    y.add(worst);
                }
                case PENDING -> pending.add(space.features(t.config()));
            }
        }
        double[] ys = y.stream().mapToDouble(Double::doubleValue).toArray();
        // No warm start from the previous fit: the fit must depend on the trials and seed only, so that a resumed
        // study asks exactly what the uninterrupted one would have.
        GaussianProcess gp = fitter.fit(x.toArray(new double[0][]), ys, null, random);
        for (double[] p : pending) gp = gp.withObservation(p, gp.predict(p).mean());
        double best = Double.POSITIVE_INFINITY;
        for (Trial t : trials) if (t.isComplete()) best = Math.min(best, gp.predict(space.features(t.config())).mean());
        List<double[]> incumbents = trials.stream().filter(Trial::isComplete)
                .sorted(Comparator.comparingDouble(t -> description.direction().toLoss(t.value())))
                .limit(3).map(t -> space.toUnit(t.config())).toList();
        List<Configuration> taken = trials.stream().map(Trial::config).toList();
        String source = settings.acquisition() instanceof Acquisition.UpperConfidenceBound ? "ucb" : "ei";
        Optional<Trial> searched = search.maximise(gp, settings.acquisition(), best, space, incumbents, taken, random)
                .map(c -> Trial.pending(number, c, source));
        // The sampler takes every other trial: were its candidates scored against the acquisition search's own
        // maximum, they would rarely win, and the model's proposals would never be measured.
        return sampler == null || number % 2 != 0 ? searched : sampled(number, gp, best, searched);
    }

    /**
     * LLAMBO's sampler beside the acquisition search: the model proposes configurations for a target a little better
     * than the best (best − α × the range of the values seen, in the study's direction); the GP's acquisition picks the
     * most promising of them, as LLAMBO's surrogate does. No usable candidate, or a failing model call, leaves the
     * search's choice.
     */
    private Optional<Trial> sampled(int number, GaussianProcess gp, double bestMean, Optional<Trial> searched) {
        Direction direction = description.direction();
        double[] losses = trials.stream().filter(Trial::isComplete).mapToDouble(t -> direction.toLoss(t.value())).toArray();
        double bestLoss = java.util.Arrays.stream(losses).min().orElse(0);
        double range = java.util.Arrays.stream(losses).max().orElse(0) - bestLoss;
        double targetLoss = bestLoss - samplerAlpha * (range > 0 ? range : Math.max(1e-9, Math.abs(bestLoss)));
        Proposal proposal;
        try {
            proposal = sampler.sample(new DesignContext(space, description, settings.seed()), List.copyOf(trials),
                    direction.toLoss(bestLoss), direction.toLoss(targetLoss), samplerCandidates);
        } catch (RuntimeException e) {
            samplerExchanges.add(new ModelExchange(sampler.name(), "", "", "", 0, List.of("the sampler failed: " + e.getMessage()), 0, 0));
            return searched;
        }
        samplerExchanges.addAll(proposal.exchanges());
        Trial chosen = null;
        double score = Double.NEGATIVE_INFINITY;
        for (Configuration c : proposal.configurations()) {
            if (taken(c)) continue;
            double s = acquisition(gp, c, bestMean);
            if (s > score) {
                score = s;
                chosen = Trial.pending(number, c, sampler.name());
            }
        }
        return chosen == null ? searched : Optional.of(chosen);
    }

    private double acquisition(GaussianProcess gp, Configuration c, double bestMean) {
        return settings.acquisition().score(gp.predict(space.features(c)), bestMean);
    }

    private Trial randomTrial(int number, SplittableRandom random) {
        Configuration c = space.sample(random);
        for (int attempt = 0; attempt < 100 && taken(c); attempt++) c = space.sample(random);
        return Trial.pending(number, c, "random");
    }

    private boolean taken(Configuration c) {
        return trials.stream().anyMatch(t -> t.config().sameAs(c));
    }

    private void persist() {
        if (file != null) file.save(study());
    }

    /** Configures an optimizer; only the space is required. */
    public static final class Builder {
        private final SearchSpace space;
        private ProblemDescription description = ProblemDescription.minimise("", "");
        private StudySettings settings = StudySettings.defaults();
        private InitialDesign design;
        private StudyFile file;
        private String name = "study";
        private CandidateSampler sampler;
        private int samplerCandidates;
        private double samplerAlpha;

        private Builder(SearchSpace space) {
            this.space = space;
        }

        public Builder description(ProblemDescription description) {
            this.description = description;
            return this;
        }

        public Builder direction(Direction direction) {
            this.description = new ProblemDescription(description.subject(), description.metric(), direction, description.context());
            return this;
        }

        public Builder settings(StudySettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder seed(long seed) {
            settings = new StudySettings(settings.initialDesign(), settings.initialTrials(), settings.acquisition(), seed, settings.minNoise());
            return this;
        }

        public Builder initialTrials(int count) {
            settings = new StudySettings(settings.initialDesign(), count, settings.acquisition(), settings.seed(), settings.minNoise());
            return this;
        }

        public Builder acquisition(Acquisition acquisition) {
            settings = new StudySettings(settings.initialDesign(), settings.initialTrials(), acquisition, settings.seed(), settings.minNoise());
            return this;
        }

        public Builder initialDesign(InitialDesign design) {
            this.design = design;
            settings = new StudySettings(design.name(), settings.initialTrials(), settings.acquisition(), settings.seed(), settings.minNoise());
            return this;
        }

        /**
         * After the initial design, every other trial (the even-numbered ones) asks the sampler for {@code candidates}
         * configurations aimed at best − {@code alpha} × range (LLAMBO: 0.1) and takes the one of highest acquisition;
         * the others come from the acquisition search. Opt-in.
         */
        public Builder candidateSampler(CandidateSampler sampler, int candidates, double alpha) {
            if (candidates < 1 || !(alpha >= 0)) throw new IllegalArgumentException("the sampler needs candidates >= 1 and alpha >= 0");
            this.sampler = sampler;
            this.samplerCandidates = candidates;
            this.samplerAlpha = alpha;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Persists every ask and tell to this file. The file must not exist yet: use {@link #resume} to continue one. */
        public Builder studyFile(StudyFile file) {
            this.file = file;
            return this;
        }

        public Optimizer build() {
            if (design == null) initialDesign(InitialDesign.named(settings.initialDesign()));
            if (file != null && file.exists()) {
                throw new IllegalArgumentException(file.path() + " already holds a study; resume it instead of starting over");
            }
            return new Optimizer(this, null);
        }
    }
}
