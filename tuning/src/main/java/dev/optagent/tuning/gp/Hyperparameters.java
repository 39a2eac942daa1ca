package dev.optagent.tuning.gp;

/**
 * Kernel hyperparameters in the units the GP works in (normalised inputs, standardised outputs).
 *
 * @param lengthScales   one per input feature
 * @param signalVariance amplitude of the Matérn kernel
 * @param noiseVariance  observation noise (a small floor keeps deterministic functions stable)
 */
public record Hyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {

    public Hyperparameters {
        lengthScales = lengthScales.clone();
    }

    @Override
    public double[] lengthScales() {
        return lengthScales.clone();
    }
}
