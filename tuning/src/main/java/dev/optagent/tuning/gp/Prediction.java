package dev.optagent.tuning.gp;

/** The posterior of the latent function at one point: mean and variance (observation noise excluded). */
public record Prediction(double mean, double variance) {

    public double sd() {
        return Math.sqrt(Math.max(variance, 0));
    }
}
