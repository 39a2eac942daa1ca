package dev.optagent.tuning.acquisition;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.optagent.tuning.gp.Prediction;

/** How promising a point is, from the GP's prediction there and the best value so far (minimisation). Higher is better. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Acquisition.ExpectedImprovement.class, name = "ei"),
        @JsonSubTypes.Type(value = Acquisition.UpperConfidenceBound.class, name = "ucb")})
public sealed interface Acquisition {

    double score(Prediction prediction, double best);

    static Acquisition expectedImprovement() {
        return new ExpectedImprovement(0);
    }

    static Acquisition upperConfidenceBound(double kappa) {
        return new UpperConfidenceBound(kappa);
    }

    /** E[max(best − ξ − f, 0)] = (best − ξ − μ) Φ(z) + σ φ(z), z = (best − ξ − μ) / σ. */
    record ExpectedImprovement(double xi) implements Acquisition {
        @Override
        public double score(Prediction p, double best) {
            double sd = p.sd();
            double gain = best - xi - p.mean();
            if (sd < 1e-12) return Math.max(gain, 0);
            double z = gain / sd;
            return gain * Normal.cdf(z) + sd * Normal.pdf(z);
        }
    }

    /** For minimisation, the lower confidence bound negated: −(μ − κσ). */
    record UpperConfidenceBound(double kappa) implements Acquisition {
        @Override
        public double score(Prediction p, double best) {
            return -(p.mean() - kappa * p.sd());
        }
    }
}
