package dev.optagent.tuning.study;

import dev.optagent.tuning.acquisition.Acquisition;

/**
 * How a study searches.
 *
 * @param initialDesign  random, sobol, lhs or llm
 * @param initialTrials  trials from the initial design before the GP takes over
 * @param seed           all randomness of the study derives from it (and the trial number), so a resumed study
 *                       asks what the uninterrupted one would have asked
 * @param minNoise       floor of the GP's noise-to-signal ratio; raise it (e.g. 0.01) for noisy measurements
 */
public record StudySettings(String initialDesign, int initialTrials, Acquisition acquisition, long seed, double minNoise) {

    public StudySettings {
        initialDesign = initialDesign == null ? "sobol" : initialDesign;
        if (initialTrials < 1) throw new IllegalArgumentException("initial trials must be at least 1, not " + initialTrials);
        acquisition = acquisition == null ? Acquisition.expectedImprovement() : acquisition;
        minNoise = minNoise <= 0 ? 1e-10 : minNoise;
    }

    public static StudySettings defaults() {
        return new StudySettings("sobol", 8, Acquisition.expectedImprovement(), 0, 1e-10);
    }
}
